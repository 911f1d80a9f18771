using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Legal;
using Cairn.TestSupport.Schemas;

namespace Cairn.Cli.Tests.Cases;

/// <summary>`cairn case export --pseudonymise`: no personal value of the source is left, flows, amounts and addresses are (docs/operations.md).</summary>
public sealed class CaseExportCliTests : IDisposable
{
    private const string Address = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";

    private static readonly string[] PersonalValues =
        ["Jane Roe", "Jane", "Roe", "born 1984-03-02 in Lyon", "X1234567", "jane.roe@example.org", "1984-03-02", "FR7630006000011234567890189", "John Q. Public", "Public"];

    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private CliRunner.Result Run(params string[] args)
    {
        var result = _data.Run(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}");
        return result;
    }

    private void MakeCase()
    {
        Run("case", "create", "--reference", "P-1", "--title", "Jane Roe investment fraud", "--offence", "fraud");
        Run("case", "subject", "add", "P-1", "--kind", "person", "--role", "suspect", "--name", "Jane Roe", "--details", "born 1984-03-02 in Lyon",
            "--identifier", "passport=X1234567", "--identifier", "email=jane.roe@example.org", "--identifier", "date_of_birth=1984-03-02");
        Run("case", "subject", "add", "P-1", "--kind", "person", "--role", "victim", "--name", "John Q. Public", "--identifier", "iban=FR7630006000011234567890189");
        Run("case", "subject", "add", "P-1", "--kind", "organisation", "--role", "other", "--name", "Acme Exchange Ltd", "--identifier", "lei=5493001KJTIIGC8Y1R12");
        Run("case", "wallet", "add", "P-1", "--chain", "btc", "--address", Address, "--role", "perpetrator", "--label", "Roe's cold wallet");
        Run("case", "note", "P-1", "--text", "JANE ROE sent the victim's funds (John Q. Public, IBAN FR7630006000011234567890189) to Acme; passport X1234567 seen at the exchange.");
        Run("ledger", "add", "--case", "P-1", "--event", "freeze", "--chain", "btc", "--token", "BTC", "--location", "Acme Exchange Ltd", "--amount", "250000000",
            "--legal-basis", "Budapest Convention Art. 29", "--authority", "Prosecutor", "--jurisdiction", "mt");
    }

    [Fact]
    public void Export_Pseudonymised_LeavesNoPersonalValueOfTheSource_AndKeepsAddressesAmountsAndOrganisations()
    {
        MakeCase();
        var file = Path.Combine(_data.Path, "p-1.json");
        Run("case", "export", "P-1", "--pseudonymise", "--out", file);
        var text = File.ReadAllText(file);

        foreach (var value in PersonalValues) Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Address, text, StringComparison.Ordinal);
        Assert.Contains("Acme Exchange Ltd", text, StringComparison.Ordinal);
        Assert.Contains("5493001KJTIIGC8Y1R12", text, StringComparison.Ordinal);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.True(root.GetProperty("pseudonymised").GetBoolean());
        Assert.Equal("250000000", root.GetProperty("ledger").GetProperty("balances")[0].GetProperty("frozen").GetString());
        var jane = root.GetProperty("case").GetProperty("subjects")[0];
        var pseudonym = jane.GetProperty("name").GetString()!;
        Assert.Matches("^person-[0-9a-f]{10}$", pseudonym);
        Assert.Equal("[withheld]", jane.GetProperty("details").GetString());
        // The same person has the same pseudonym wherever she is named in the export.
        Assert.Contains(pseudonym, root.GetProperty("case").GetProperty("notes")[0].GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Contains(pseudonym, root.GetProperty("case").GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.Contains(pseudonym, root.GetProperty("case").GetProperty("wallets")[0].GetProperty("label").GetString()!, StringComparison.Ordinal);

        // Another export, other pseudonyms (the key is made per export and not kept); the plain export still names her.
        var again = JsonDocument.Parse(Run("case", "export", "P-1", "--pseudonymise").Output).RootElement;
        Assert.NotEqual(pseudonym, again.GetProperty("case").GetProperty("subjects")[0].GetProperty("name").GetString());
        Assert.Contains("Jane Roe", Run("case", "export", "P-1").Output, StringComparison.Ordinal);
        Assert.Equal(0, _data.Run("log", "verify").ExitCode);
    }

    [Fact]
    public void Export_PlainAndPseudonymised_MatchesItsPublishedSchema_WithEveryPartFilled()
    {
        MakeCase();
        CliAccounts.Create(_data, "local", "FR", ("pete", "prosecutor"));
        Run("admin", "agency", "add", "BKA-DE", "--name", "Bundeskriminalamt", "--state", "DE", "--kind", "police");
        Run("case", "share", "P-1", "--with", "BKA-DE", "--level", "contribute");
        Run("case", "status", "P-1", "--status", "suspended", "--reason", "waiting for the MLA answer");
        foreach (var kind in new[] { "seize", "confiscate" }) Ledger(kind, "250000000");
        var liquidation = JsonDocument.Parse(Ledger("liquidate", "100000000", "--json").Output).RootElement.GetProperty("id").GetString()!;
        Run("ledger", "approve", liquidation, "--case", "P-1", "--as", "pete");

        foreach (var pseudonymise in new[] { false, true })
        {
            var export = JsonNode.Parse(Run(["case", "export", "P-1", .. pseudonymise ? new[] { "--pseudonymise" } : []]).Output)!;
            var errors = SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", "case-export.schema.json"), export);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Take(20)));
            Assert.Equal(pseudonymise, export["pseudonymised"]!.GetValue<bool>());
            // Every part the schema describes was present, so the check reached it.
            foreach (var part in new[] { "subjects", "wallets", "notes", "grants", "status_changes" }) Assert.NotEmpty(export["case"]![part]!.AsArray());
            Assert.Equal("approved", export["ledger"]!["events"]!.AsArray()[^1]!["decision"]!["outcome"]!.GetValue<string>());
        }
        // The schema is not a formality: a ledger amount written as a number is refused.
        var broken = JsonNode.Parse(Run("case", "export", "P-1").Output)!;
        broken["ledger"]!["balances"]!.AsArray()[0]!["frozen"] = 5;
        Assert.NotEmpty(SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", "case-export.schema.json"), broken));
    }

    private CliRunner.Result Ledger(string kind, string amount, params string[] more) =>
        Run(["ledger", "add", "--case", "P-1", "--event", kind, "--chain", "btc", "--token", "BTC", "--location", "Acme Exchange Ltd", "--amount", amount,
            "--legal-basis", "Code de procédure pénale art. 706-141", "--authority", "Tribunal judiciaire de Paris", "--jurisdiction", "fr", .. more]);

    [Fact]
    public void Export_OfACaseAnotherAgencyCannotSee_IsUnknown()
    {
        MakeCase();
        var result = _data.Run("case", "export", "P-1", "--pseudonymise", "--agency", "bka-de");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: unknown case 'P-1'", result.Error, StringComparison.Ordinal);
    }
}
