namespace Cairn.Development.Fuzzing;

/// <summary>
/// Every parser and entry point that reads outside input, as fuzz targets: chain data (blocks,
/// transactions, block files, addresses of every format, RLP, node JSON), intelligence files
/// (TagPack and ActorPack YAML, OFAC lists and the SDN CSV), the reviewed legal data YAML,
/// exchange formats (envelopes, receipts, node cards, messages, match filters, IVMS101, goAML
/// settings) and evidence packages. API bodies are fuzzed against a running server by
/// <see cref="ApiFuzzer"/>. Chains: Bitcoin and Ethereum, the chains main has (issue 17).
/// </summary>
public static partial class FuzzCatalogue
{
    /// <summary>All targets with their seeds; the evidence package seed is exported from a scratch installation made here.</summary>
    public static async Task<IReadOnlyList<FuzzTarget>> CreateAsync(FuzzSeeds seeds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var targets = new List<FuzzTarget>();
        targets.AddRange(Bitcoin(seeds));
        targets.AddRange(Ethereum(seeds));
        targets.AddRange(Intelligence(seeds));
        targets.Add(Legal(seeds));
        targets.AddRange(Exchange(seeds));
        targets.Add(await EvidencePackageAsync(cancellationToken).ConfigureAwait(false));
        return targets;
    }

    /// <summary>Turns what a node or a file reader would report as unreadable JSON into the refusal its caller makes of it.</summary>
    private static System.Text.Json.JsonDocument ParseJson(byte[] input, string what)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(input);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new Core.CairnException($"{what}: not JSON: {Core.UserText.Quote(ex.Message, 200)}", ex);
        }
    }

    /// <summary>
    /// Readers that report bad input as issues instead of throwing (TagPacks, OFAC lists): an error
    /// issue is their refusal (the CLI prints it and exits 1), so it is raised here as one; every
    /// issue, warnings too, must be one line like any refusal.
    /// </summary>
    private static void RefuseOnErrors(IEnumerable<Intel.Import.ImportIssue> issues)
    {
        var all = issues.ToList();
        var broken = all.FirstOrDefault(i => i.Message.Contains('\n', StringComparison.Ordinal) || i.Message.Contains('\r', StringComparison.Ordinal));
        if (broken is not null) throw new Core.CairnException(broken.ToString());
        var error = all.FirstOrDefault(i => i.Severity == Intel.Import.IssueSeverity.Error);
        if (error is not null) throw new Core.CairnException(error.ToString());
    }

    private static string Text(byte[] input) => System.Text.Encoding.UTF8.GetString(input);

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
