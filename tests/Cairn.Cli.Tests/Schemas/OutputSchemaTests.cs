using System.IO.Compression;
using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Cases;
using Cairn.Cli.Tests.Trace;
using Cairn.TestSupport;
using Cairn.TestSupport.Schemas;

namespace Cairn.Cli.Tests.Schemas;

/// <summary>
/// The JSON Schemas published in docs/schemas/ (draft 2020-12) against real outputs of the CLI,
/// validated with JsonSchema.Net. When an output changes on purpose, change its schema file; the
/// schema names are listed once, here.
/// </summary>
public sealed class OutputSchemaTests : IDisposable
{
    private readonly string _chain = GeneratedChainData.NewDataDirectoryWithIndex();

    public OutputSchemaTests() => GeneratedChainData.ImportScenarioIntel(_chain);

    public void Dispose()
    {
        if (Directory.Exists(_chain)) Directory.Delete(_chain, recursive: true);
    }

    private static void AssertValid(string schema, string json)
    {
        var dump = Environment.GetEnvironmentVariable("CAIRN_SCHEMA_DUMP");
        if (!string.IsNullOrEmpty(dump)) File.WriteAllText(Path.Combine(dump, schema.Replace(".schema.json", ".sample.json", StringComparison.Ordinal)), json);
        var errors = SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", schema), JsonNode.Parse(json));
        Assert.True(errors.Count == 0, $"{schema}: {string.Join("; ", errors.Take(20))}");
    }

    [Theory]
    [InlineData("--through-coinjoin", "--max-hops", "12")]
    [InlineData("--model", "poison", "--min-amount", "1000", "--until", "2100-01-01T00:00:00Z", "--max-hops", "6")]
    public void TraceReport_MatchesItsSchema(params string[] options)
    {
        var ransomware = GeneratedChainData.Scenario.Ransomware!;
        var result = CliRunner.Run(["--data", _chain, "--json", "trace", "--from", ransomware.RansomAddress, .. options]);

        Assert.True(result.ExitCode == 0, result.Error);
        AssertValid("trace-report.schema.json", result.Output);
    }

    [Theory]
    [InlineData]
    [InlineData("--rule", "peel_chain")]
    public void HeuristicsReport_MatchesItsSchema(params string[] options)
    {
        var result = CliRunner.Run(["heuristics", "report", "--json", .. options]);

        Assert.True(result.ExitCode == 0, result.Error);
        AssertValid("heuristics-report.schema.json", result.Output);
    }

    [Theory]
    [InlineData("figures.json")]
    [InlineData("figures-seed11-5000.json")]
    public void CommittedHeuristicFigures_MatchTheirSchema(string file) =>
        AssertValid("heuristic-figures.schema.json", File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "data", "heuristics", file)));

    [Theory]
    [InlineData("US", "DE", "preservation")]
    [InlineData("FR", "DE", "freeze")]
    [InlineData("KI", "TO", "testimony")]
    public void RouteAnswer_MatchesItsSchema(string from, string to, string measure)
    {
        var result = CliRunner.Run("route", "--from", from, "--to", to, "--measure", measure, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        AssertValid("route-answer.schema.json", result.Output);
    }

    [Fact]
    public void Statistics_AndThePublicReport_MatchTheirSchemas()
    {
        using var data = new TempDataDirectory();
        string[] alice = ["--as", "alice", "--agency", "ocrgdf-fr"];
        data.Run(["case", "create", "--reference", "C1", "--title", "t", "--offence", "ransomware", .. alice]);
        foreach (var (kind, amount) in new[] { ("freeze", "300000000"), ("seize", "200000000") })
            Assert.Equal(0, data.Run(["ledger", "add", "--case", "C1", "--event", kind, "--chain", "btc", "--token", "BTC", "--location", "exchange-a", "--amount", amount,
                "--legal-basis", "Art. 7", "--authority", "Tribunal judiciaire de Paris", "--jurisdiction", "FR", "--occurred", "2026-02-03", .. alice]).ExitCode);
        var stats = data.Run(["stats", "--json", "--by", "month", .. alice]);
        Assert.True(stats.ExitCode == 0, stats.Error);
        Assert.Contains("300000000", stats.Output, StringComparison.Ordinal);
        AssertValid("statistics.schema.json", stats.Output);
        var report = data.Run(["stats", "--public", "--min-cell", "3", "--json", .. alice]);
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains(JsonNode.Parse(report.Output)!["tables"]!.AsArray().SelectMany(t => t!["rows"]!.AsArray()).SelectMany(r => r!["cells"]!.AsArray()),
            c => c!.GetValue<string>() == "<3");
        AssertValid("public-statistics.schema.json", report.Output);
    }

    [Fact]
    public void LegalRequest_MatchesItsSchema()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C1", "--title", "t", "--offence", "ransomware", "--as", "alice", "--agency", "ocrgdf-fr");
        var findings = Path.Combine(data.Path, "findings.json");
        File.WriteAllText(findings, """
            [{"jurisdiction": "DE", "actor_name": "Example Exchange GmbH",
              "addresses": ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"],
              "transaction_ids": ["4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"],
              "amounts": [{"asset": "BTC", "base_units": "5000000000", "decimals": 8}]}]
            """);
        var draft = data.Run("request", "draft", "--from", "FR", "--findings", findings, "--measure", "freeze", "--case", "C1", "--json", "--as", "alice", "--agency", "ocrgdf-fr");
        Assert.True(draft.ExitCode == 0, draft.Error);
        var id = JsonNode.Parse(draft.Output)!["drafts"]![0]!["id"]!.GetValue<string>();

        var file = Path.Combine(data.Path, "request.json");
        var rendered = data.Run("request", "render", id, "--format", "json", "--out", file, "--as", "alice", "--agency", "ocrgdf-fr");

        Assert.True(rendered.ExitCode == 0, rendered.Error);
        AssertValid("legal-request.schema.json", File.ReadAllText(file));
    }

    [Fact]
    public void EvidenceManifest_MatchesItsSchema()
    {
        using var data = new TempDataDirectory();
        data.Run("case", "create", "--reference", "C-1", "--title", "t", "--offence", "sanctions_evasion");
        data.Run("evidence", "add", "--case", "C-1", SharedData.PathOf("ofac-sanctioned-digital-currency-addresses", "sanctioned_addresses_XBT.txt"), "--source", "OFAC");
        var package = Path.Combine(data.Path, "package.asice");
        Assert.Equal(0, data.Run("evidence", "export", "--case", "C-1", "--out", package).ExitCode);

        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        AssertValid("evidence-manifest.schema.json", reader.ReadToEnd());
    }

    [Fact]
    public void TheSchemas_RefuseAnAmountWrittenAsANumber()
    {
        var route = JsonNode.Parse(CliRunner.Run("route", "--from", "US", "--to", "DE", "--measure", "preservation", "--json").Output)!;
        route["options"]![0]!["rank"] = "first";
        Assert.NotEmpty(SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", "route-answer.schema.json"), route));

        var ransomware = GeneratedChainData.Scenario.Ransomware!;
        var trace = JsonNode.Parse(CliRunner.Run("--data", _chain, "--json", "trace", "--from", ransomware.RansomAddress, "--max-hops", "2").Output)!;
        var schema = SchemaCheck.RepositoryFile("docs", "schemas", "trace-report.schema.json");
        Assert.Empty(SchemaCheck.Errors(schema, trace));

        var numericTotal = trace.DeepClone();
        numericTotal["traced_amount_sat"] = 320000000;
        Assert.Contains(SchemaCheck.Errors(schema, numericTotal), e => e.StartsWith("/traced_amount_sat", StringComparison.Ordinal));

        var numericMinimum = trace.DeepClone();
        numericMinimum["request"]!["min_amount_sat"] = 0;
        Assert.Contains(SchemaCheck.Errors(schema, numericMinimum), e => e.StartsWith("/request/min_amount_sat", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTraceSchema_RefusesEthereumFieldsInABitcoinRequest()
    {
        var ransomware = GeneratedChainData.Scenario.Ransomware!;
        var trace = JsonNode.Parse(CliRunner.Run("--data", _chain, "--json", "trace", "--from", ransomware.RansomAddress, "--max-hops", "2").Output)!;
        Assert.Null(trace["request"]!["asset"]);

        trace["request"]!["asset"] = "BTC";
        Assert.Contains(SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", "trace-report.schema.json"), trace), e => e.StartsWith("/request", StringComparison.Ordinal));
    }
}
