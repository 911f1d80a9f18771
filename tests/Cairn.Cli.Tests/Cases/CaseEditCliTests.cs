using System.Text.Json;

namespace Cairn.Cli.Tests.Cases;

/// <summary>`cairn case update|wallet|subject|note|status|share|revoke` and `cairn notification`: the case editing of the web UI from the command line.</summary>
public class CaseEditCliTests
{
    private static readonly string[] Alice = ["--as", "alice", "--agency", "nca-uk"];
    private static readonly string[] Bruno = ["--as", "bruno", "--agency", "bka-de"];

    [Fact]
    public void EditingACase_FromTheCommandLine_ChangesWhatTheServerShows()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, data.Run(["case", "create", "--reference", "C-1", "--title", "t", "--offence", "fraud", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "update", "C-1", "--title", "Romance scam", "--offence", "other", "--offence-detail", "romance scam", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "wallet", "add", "C-1", "--chain", "btc", "--address", "bc1qexample", "--role", "perpetrator", "--label", "collector", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "subject", "add", "C-1", "--kind", "person", "--role", "suspect", "--name", "J. Doe", "--identifier", "passport=X123", "--identifier", "email=jd@example.org", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "note", "C-1", "--text", "first look", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "status", "C-1", "--status", "suspended", "--reason", "waiting for NL", .. Alice]).ExitCode);

        var shown = JsonDocument.Parse(data.Run(["case", "show", "C-1", "--json", .. Alice]).Output).RootElement;
        Assert.Equal("romance scam", shown.GetProperty("offence_detail").GetString());
        Assert.Equal("perpetrator", shown.GetProperty("wallets")[0].GetProperty("role").GetString());
        Assert.Equal(2, shown.GetProperty("subjects")[0].GetProperty("identifiers").GetArrayLength());
        Assert.Equal("waiting for NL", shown.GetProperty("status_changes")[0].GetProperty("reason").GetString());

        var noReason = data.Run(["case", "status", "C-1", "--status", "open", "--reason", " ", .. Alice]);
        Assert.Equal(1, noReason.ExitCode);
        Assert.Equal("error: field 'reason' is required", noReason.Error.Trim());
        var badOffence = data.Run(["case", "update", "C-1", "--title", "t", "--offence", "pickpocketing", .. Alice]);
        Assert.StartsWith("error: offence type 'pickpocketing' is not in the list", badOffence.Error, StringComparison.Ordinal);
        var subject = shown.GetProperty("subjects")[0].GetProperty("id").GetString()!;
        Assert.Equal(0, data.Run(["case", "subject", "remove", "C-1", "--id", subject, .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "wallet", "remove", "C-1", "--chain", "btc", "--address", "bc1qexample", .. Alice]).ExitCode);
    }

    [Fact]
    public void ShareAtALevel_NotifiesTheAgency_RevokeEndsAccess()
    {
        using var data = new TempDataDirectory();
        data.Run(["case", "create", "--reference", "C-1", "--title", "t", "--offence", "ransomware", .. Alice]);
        var unknown = data.Run(["case", "share", "C-1", "--with", "bka-de", .. Alice]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("registry", unknown.Error, StringComparison.Ordinal);

        data.Run(["admin", "agency", "add", "bka-de", "--name", "BKA", "--state", "DE", "--kind", "police", .. Alice]);
        Assert.Equal(0, data.Run(["case", "share", "C-1", "--with", "bka-de", "--level", "contribute", .. Alice]).ExitCode);
        Assert.Equal(0, data.Run(["case", "show", "C-1", .. Bruno]).ExitCode);
        var notes = JsonDocument.Parse(data.Run(["notification", "list", "--unread", "--json", .. Bruno]).Output).RootElement;
        Assert.Equal(("case_shared", "contribute"), (notes[0].GetProperty("kind").GetString(), notes[0].GetProperty("detail").GetString()));
        Assert.Equal(0, data.Run(["notification", "read", .. Bruno]).ExitCode);
        Assert.Equal("[]", data.Run(["notification", "list", "--unread", "--json", .. Bruno]).Output.Trim());

        Assert.Equal(1, data.Run(["case", "revoke", "C-1", "--from", "bka-de", .. Bruno]).ExitCode);
        Assert.Equal(0, data.Run(["case", "revoke", "C-1", "--from", "bka-de", .. Alice]).ExitCode);
        Assert.StartsWith("error: unknown case 'C-1'", data.Run(["case", "show", "C-1", .. Bruno]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SharePseudonymised_TheAgencySeesPseudonyms_InShowAndJson_TheOwnerTheNames()
    {
        using var data = new TempDataDirectory();
        data.Run(["case", "create", "--reference", "C-1", "--title", "Payments of J. Doe", "--offence", "fraud", .. Alice]);
        data.Run(["case", "subject", "add", "C-1", "--kind", "person", "--role", "suspect", "--name", "J. Doe", "--identifier", "passport=X123", .. Alice]);
        data.Run(["admin", "agency", "add", "bka-de", "--name", "BKA", "--state", "DE", "--kind", "police", .. Alice]);
        var shared = data.Run(["case", "share", "C-1", "--with", "bka-de", "--pseudonymise", .. Alice]);
        Assert.Equal(0, shared.ExitCode);
        Assert.Contains("bka-de (read, pseudonymised)", shared.Output, StringComparison.Ordinal);

        var text = data.Run(["case", "show", "C-1", .. Bruno]).Output;
        var json = data.Run(["case", "show", "C-1", "--json", .. Bruno]).Output;
        foreach (var shown in new[] { text, json })
        {
            Assert.DoesNotContain("Doe", shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("X123", shown, StringComparison.Ordinal);
            Assert.Matches("person-[0-9a-f]{10}", shown);
        }
        Assert.Contains("J. Doe", data.Run(["case", "show", "C-1", .. Alice]).Output, StringComparison.Ordinal);
        Assert.Equal("read pseudonymised", JsonDocument.Parse(data.Run(["notification", "list", "--json", .. Bruno]).Output).RootElement[0].GetProperty("detail").GetString());
    }

    [Fact]
    public void Serve_NegativePurgeInterval_IsAOneLineErrorNamingTheOption()
    {
        using var data = new TempDataDirectory();
        var refused = data.Run(["serve", "--purge-every=-3"]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Single(refused.Error.Trim().Split('\n'));
        Assert.Contains("--purge-every", refused.Error, StringComparison.Ordinal);
    }
}
