using System.Globalization;
using System.Text;

namespace Cairn.Development.Generation;

/// <summary>
/// Turns a generated chain's ground truth into GraphSense ActorPack and TagPack YAML, so its
/// fictional actors go through the same import path as real intelligence (`cairn intel import`).
/// Only the <em>tagged</em> addresses become tags (hot wallets, as a public tag would name them):
/// deposit addresses are left for clustering to find. The ransom address is tagged with abuse
/// <c>ransomware</c> and no actor. Confidence is <c>ownership</c>: the generator made these
/// addresses, so the attribution is certain.
/// Regtest addresses are not Bitcoin mainnet addresses, and Cairn.Intel only matches mainnet ones
/// as Bitcoin; the tags therefore use the currency code <see cref="Currency"/> (matched as written,
/// bech32 in lower case as the generator writes it).
/// </summary>
public static class ScenarioPacks
{
    /// <summary>Currency code of generated-chain tags (regtest is not BTC mainnet).</summary>
    public const string Currency = "BTC-REGTEST";

    private const string Creator = "Cairn chain generator";

    public static (string ActorPackYaml, string TagPackYaml) ToPacks(ScenarioManifest scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var seed = scenario.Seed.ToString(CultureInfo.InvariantCulture);
        var actors = new StringBuilder();
        actors.Append("title: ").AppendLine(Quote($"Generated chain actors (seed {seed})"));
        actors.Append("creator: ").AppendLine(Quote(Creator));
        actors.Append("description: ").AppendLine(Quote("Fictional actors of a generated regtest chain (scenario.json); not real entities."));
        actors.AppendLine("actors:");
        foreach (var actor in scenario.Actors)
        {
            actors.Append("- id: ").AppendLine(Quote(actor.Id));
            actors.Append("  label: ").AppendLine(Quote(actor.Label));
            actors.AppendLine("  categories:");
            actors.Append("  - ").AppendLine(Quote(actor.Category));
            actors.AppendLine(actor.Jurisdictions.Count == 0 ? "  jurisdictions: []" : "  jurisdictions:");
            foreach (var jurisdiction in actor.Jurisdictions) actors.Append("  - ").AppendLine(Quote(jurisdiction));
        }

        var tags = new StringBuilder();
        tags.Append("title: ").AppendLine(Quote($"Generated chain tags (seed {seed})"));
        tags.Append("creator: ").AppendLine(Quote(Creator));
        tags.Append("description: ").AppendLine(Quote("Tagged addresses of the fictional actors of a generated regtest chain."));
        tags.Append("currency: ").AppendLine(Quote(Currency));
        tags.Append("network: ").AppendLine(Quote(scenario.Network));
        tags.AppendLine("confidence: ownership");
        tags.Append("source: ").AppendLine(Quote($"scenario.json of the generated chain (seed {seed})"));
        tags.AppendLine("tags:");
        foreach (var actor in scenario.Actors)
            foreach (var address in actor.TaggedAddresses)
            {
                tags.Append("- address: ").AppendLine(Quote(address));
                tags.Append("  label: ").AppendLine(Quote(actor.Label));
                tags.Append("  category: ").AppendLine(Quote(actor.Category));
                tags.Append("  actor: ").AppendLine(Quote(actor.Id));
            }
        if (scenario.Ransomware is { RansomAddress.Length: > 0 } ransomware)
        {
            tags.Append("- address: ").AppendLine(Quote(ransomware.RansomAddress));
            tags.Append("  label: ").AppendLine(Quote($"{ransomware.Family} ransom address"));
            tags.AppendLine("  abuse: ransomware");
        }
        return (actors.ToString(), tags.ToString());
    }

    /// <summary>A YAML single-quoted scalar (YAML 1.2 §7.3.2: a quote is escaped by doubling it).</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
