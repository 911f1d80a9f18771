using System.Globalization;
using System.Text.Json;
using Cairn.Cli.Tests.Cases;

namespace Cairn.Cli.Tests.Retention;

/// <summary>`cairn retention purge`, `cairn case hold|release-hold` and the policies of cairn.json (docs/operations.md).</summary>
public sealed class RetentionCliTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private CliRunner.Result Run(params string[] args)
    {
        var result = _data.Run(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result.Error}");
        return result;
    }

    /// <summary>A case with a subject, a note, a wallet and one evidence file of its own; closed unless <paramref name="close"/> is false.</summary>
    private string MakeCase(string reference, bool close)
    {
        Run("case", "create", "--reference", reference, "--title", "t", "--offence", "fraud");
        Run("case", "subject", "add", reference, "--kind", "person", "--name", $"Subject of {reference}", "--identifier", $"passport=P-{reference}");
        Run("case", "note", reference, "--text", $"note on {reference}");
        Run("case", "wallet", "add", reference, "--chain", "btc", "--address", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "--role", "perpetrator");
        var file = Path.Combine(_data.Path, $"{reference}.txt");
        File.WriteAllText(file, $"statement for {reference}");
        var added = JsonDocument.Parse(Run("evidence", "add", "--case", reference, file, "--source", "letter", "--json").Output).RootElement;
        File.Delete(file);
        if (close) Run("case", "status", reference, "--status", "closed", "--reason", "judgment final");
        return added.GetProperty("sha256").GetString()!;
    }

    private JsonElement Show(string reference) => JsonDocument.Parse(Run("case", "show", reference, "--json").Output).RootElement;

    private void Configure(int days) => File.WriteAllText(Path.Combine(_data.Path, "cairn.json"), $$"""
        { "retention": { "case_data": { "keep_days": {{days}} }, "personal_data": { "keep_days": {{days}} }, "evidence_files": { "keep_days": {{days}} }, "received_disclosures": { "keep_days": {{days}} } } }
        """);

    [Fact]
    public void Purge_DeletesExactlyTheExpiredContent_KeepsHeldAndOpenCases_AndTheLogStillVerifies()
    {
        var expired = MakeCase("EXPIRED-1", close: true);
        var held = MakeCase("HELD-1", close: true);
        var open = MakeCase("OPEN-1", close: false);
        Run("case", "hold", "HELD-1", "--reason", "appeal pending");
        Configure(0);

        var preview = JsonDocument.Parse(Run("retention", "purge", "--dry-run", "--json").Output).RootElement;
        Assert.True(preview.GetProperty("dry_run").GetBoolean());
        Assert.Equal(1, preview.GetProperty("held_cases").GetInt32());
        var personal = preview.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("data_class").GetString() == "personal_data");
        Assert.Equal((1, 1), (personal.GetProperty("count").GetInt32(), personal.GetProperty("cases").GetInt32()));
        Assert.Equal(1, Show("EXPIRED-1").GetProperty("subjects").GetArrayLength());

        var report = JsonDocument.Parse(Run("retention", "purge", "--json").Output).RootElement;
        Assert.False(report.GetProperty("dry_run").GetBoolean());
        // 1 note + 1 wallet, 1 subject, 1 evidence file; no disclosures were received.
        Assert.Equal(4, report.GetProperty("total").GetInt32());
        // The purge entry: when, by whom, and the SHA-256 of the stored report (policies, classes, counts).
        var size = JsonDocument.Parse(Run("log", "head", "--json").Output).RootElement.GetProperty("tree_size").GetInt64();
        var id = report.GetProperty("id").GetString();
        var entry = Run("log", "proof", "--seq", (size - 1).ToString(CultureInfo.InvariantCulture)).Output;
        Assert.Contains($"retention.purge retention:{id}", entry, StringComparison.Ordinal);
        var gone = Show("EXPIRED-1");
        Assert.Equal((0, 0, 0), (gone.GetProperty("subjects").GetArrayLength(), gone.GetProperty("notes").GetArrayLength(), gone.GetProperty("wallets").GetArrayLength()));
        Assert.Equal("[]", Run("evidence", "list", "--case", "EXPIRED-1", "--json").Output.Trim());
        Assert.False(File.Exists(Path.Combine(_data.Path, "evidence", expired[..2], expired)));
        foreach (var (reference, sha256) in new[] { ("HELD-1", held), ("OPEN-1", open) })
        {
            var kept = Show(reference);
            Assert.Equal((1, 1, 1), (kept.GetProperty("subjects").GetArrayLength(), kept.GetProperty("notes").GetArrayLength(), kept.GetProperty("wallets").GetArrayLength()));
            Assert.True(File.Exists(Path.Combine(_data.Path, "evidence", sha256[..2], sha256)));
        }
        Assert.Contains("verified", Run("evidence", "list", "--case", "HELD-1", "--check").Output, StringComparison.Ordinal);

        var log = Run("log", "verify");
        Assert.StartsWith("custody log OK", log.Output, StringComparison.Ordinal);
        var history = JsonDocument.Parse(Run("retention", "show", "--json").Output).RootElement.GetProperty("history");
        Assert.Equal(id, history[0].GetProperty("id").GetString());
        Assert.Contains("deleted as soon as the case is closed", history[0].GetProperty("items")[0].GetProperty("policy").GetString(), StringComparison.Ordinal);

        // A second purge finds nothing; releasing the hold makes the held case due.
        Assert.Equal(0, JsonDocument.Parse(Run("retention", "purge", "--json").Output).RootElement.GetProperty("total").GetInt32());
        Run("case", "release-hold", "HELD-1");
        Assert.Equal(4, JsonDocument.Parse(Run("retention", "purge", "--json").Output).RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, Show("HELD-1").GetProperty("subjects").GetArrayLength());
        Assert.Equal(0, _data.Run("log", "verify").ExitCode);
        Assert.Equal(0, _data.Run("evidence", "reconcile").ExitCode);
    }

    [Fact]
    public void Purge_WithLongPoliciesOrNone_DeletesNothing_AndShowSaysThePoliciesInWords()
    {
        MakeCase("C-1", close: true);
        Assert.Equal(0, JsonDocument.Parse(Run("retention", "purge", "--json").Output).RootElement.GetProperty("total").GetInt32());
        Assert.Contains("kept until deleted by hand", Run("retention", "show").Output, StringComparison.Ordinal);
        Configure(3650);
        Assert.Equal(0, JsonDocument.Parse(Run("retention", "purge", "--json").Output).RootElement.GetProperty("total").GetInt32());
        Assert.Contains("Personal data of subjects (names, details, identifiers): deleted 10 years (3650 days) after the case is closed, unless the case is on legal hold.",
            Run("retention", "show").Output, StringComparison.Ordinal);
        Assert.Equal(1, Show("C-1").GetProperty("subjects").GetArrayLength());
    }

    [Theory]
    [InlineData("""{ "retention": { "chat_logs": { "keep_days": 3 } } }""", "retention.chat_logs: unknown data class")]
    [InlineData("""{ "retention": { "personal_data": { "keep_days": -1 } } }""", "retention.personal_data.keep_days must be a whole number")]
    [InlineData("""{ "retention": { "personal_data": { "keep_days": "5y" } } }""", "retention.personal_data.keep_days must be a whole number")]
    [InlineData("""{ "retention": """, "malformed JSON at line 1")]
    public void Purge_WithABadConfiguration_FailsWithOneLineNamingTheFileAndPlace(string json, string expected)
    {
        File.WriteAllText(Path.Combine(_data.Path, "cairn.json"), json);
        var result = _data.Run("retention", "purge", "--dry-run");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains("cairn.json", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hold_ByAnotherAgency_OrWithoutReason_OrReleaseWithoutHold_IsRefused()
    {
        Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "fraud");
        var stranger = _data.Run("case", "hold", "C-1", "--reason", "mine", "--agency", "bka-de");
        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("unknown case 'C-1'", stranger.Error, StringComparison.Ordinal);
        var blank = _data.Run("case", "hold", "C-1", "--reason", " ");
        Assert.Equal(1, blank.ExitCode);
        Assert.Contains("reason", blank.Error, StringComparison.Ordinal);
        var release = _data.Run("case", "release-hold", "C-1");
        Assert.Equal(1, release.ExitCode);
        Assert.Contains("is not on hold", release.Error, StringComparison.Ordinal);
        Assert.Contains("on legal hold: court order 7", Run("case", "hold", "C-1", "--reason", "court order 7").Output, StringComparison.Ordinal);
        Assert.Contains("C-1: court order 7", Run("retention", "show").Output, StringComparison.Ordinal);
    }
}
