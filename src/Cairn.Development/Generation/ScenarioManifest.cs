using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Development.Generation;

/// <summary>
/// Ground truth of a generated chain, written next to its blk files as scenario.json: the
/// fictional actors and the planted ransomware case (payment, laundering path, deposits).
/// All names are fictional; the chain is regtest.
/// </summary>
public sealed record ScenarioManifest
{
    public const string FileName = "scenario.json";

    [JsonPropertyName("network")] public string Network { get; init; } = "regtest";
    [JsonPropertyName("seed")] public ulong Seed { get; init; }
    [JsonPropertyName("transactions")] public long Transactions { get; set; }
    [JsonPropertyName("blocks")] public long Blocks { get; set; }
    [JsonPropertyName("actors")] public List<GeneratedActor> Actors { get; init; } = [];
    [JsonPropertyName("ransomware")] public RansomwareCase? Ransomware { get; set; }

    public sealed record RansomwareCase
    {
        [JsonPropertyName("family")] public string Family { get; init; } = "DemoLocker";
        [JsonPropertyName("victim_address")] public string VictimAddress { get; set; } = "";
        [JsonPropertyName("ransom_address")] public string RansomAddress { get; set; } = "";
        [JsonPropertyName("ransom_txid")] public string RansomTxId { get; set; } = "";
        [JsonPropertyName("ransom_amount_sat")] public long RansomAmountSat { get; set; }
        [JsonPropertyName("peel_chain_txids")] public List<string> PeelChainTxIds { get; init; } = [];
        [JsonPropertyName("coinjoin_txid")] public string CoinJoinTxId { get; set; } = "";
        [JsonPropertyName("deposits")] public List<Deposit> Deposits { get; init; } = [];
    }

    public sealed record Deposit(
        [property: JsonPropertyName("actor")] string Actor,
        [property: JsonPropertyName("address")] string Address,
        [property: JsonPropertyName("txid")] string TxId,
        [property: JsonPropertyName("amount_sat")] long AmountSat);

    public static ScenarioManifest Load(string path) =>
        JsonSerializer.Deserialize<ScenarioManifest>(File.ReadAllText(path))
        ?? throw new Cairn.Core.CairnException($"scenario file {path} is empty");

    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));
}
