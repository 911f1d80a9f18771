using System.IO.Compression;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// Measures the heuristics on real data (docs/heuristics.md, "Data sets"): mainnet CoinJoins
/// against the zkSNACKs coordinator's own list and against Dumplings' labels, the real
/// JoinMarket and Wasabi 2 software in EmuCoinJoin runs (every coin's owner known), change rules
/// against outputs paid back to an input's address in mainnet transactions, and multi-input
/// clusters against GraphSense's tagged addresses. Peel chains have no real labelled data here.
/// </summary>
public sealed partial class RealDataMeasurement
{
    private readonly RealDataSources _sources;
    private readonly TextWriter _log;
    private readonly List<MeasuredDataSet> _dataSets = [];
    private readonly List<RuleMeasurement> _measurements = [];

    private static readonly (string Zip, string Entry, DumplingsLabel Label)[] DumplingsFiles =
    [
        ("dumplings__ww1_202405", "Scanner/WasabiCoinJoins.txt", DumplingsLabel.Wasabi1),
        ("dumplings__ww1_202405", "Scanner/WasabiPostMixTxs.txt", DumplingsLabel.PostMix),
        ("dumplings__end_zksnacks_202405", "Scanner/WasabiCoinJoins.txt", DumplingsLabel.Wasabi1),
        ("dumplings__end_zksnacks_202405", "Scanner/WasabiPostMixTxs.txt", DumplingsLabel.PostMix),
        ("dumplings__end_zksnacks_202405", "Scanner/Wasabi2CoinJoins.txt", DumplingsLabel.Wasabi2),
        ("dumplings__end_zksnacks_202405", "Scanner/Wasabi2PostMixTxs.txt", DumplingsLabel.PostMix),
        ("dumplings__sw_202403", "Scanner/SamouraiCoinJoins.txt", DumplingsLabel.Whirlpool),
        ("dumplings__sw_202403", "Scanner/SamouraiTx0s.txt", DumplingsLabel.Tx0),
        ("dumplings__sw_202403", "Scanner/SamouraiPostMixTxs.txt", DumplingsLabel.PostMix),
        ("dumplings__jm_202406", "Scanner/OtherCoinJoins.txt", DumplingsLabel.OtherEqualOutput),
        ("dumplings__jm_202406", "Scanner/OtherCoinJoinPostMixTxs.txt", DumplingsLabel.PostMix),
        ("jm_filter_false_positives", "Scanner/OtherCoinJoins.txt", DumplingsLabel.FilteredFalsePositive),
        ("jm_filter_false_positives", "Scanner/OtherCoinJoinPostMixTxs.txt", DumplingsLabel.PostMix),
    ];

    private RealDataMeasurement(RealDataSources sources, TextWriter log)
    {
        _sources = sources;
        _log = log;
    }

    public static (IReadOnlyList<MeasuredDataSet> DataSets, IReadOnlyList<RuleMeasurement> Measurements) Measure(RealDataSources sources, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var measurement = new RealDataMeasurement(sources, log ?? TextWriter.Null);
        var dumplings = measurement.ReadDumplings();
        measurement.CoinJoinsAgainstCoordinatorList(dumplings);
        measurement.CoinJoinsAgainstDumplings(dumplings);
        measurement.Emulated("emulated-joinmarket", "emul__joinmarket_1taker_2tumbler_40maker_pruned", "joinmarket",
            "JoinMarket (1 taker, 2 tumblers, 40 makers) run by EmuCoinJoin on regtest, 2025-02");
        measurement.Emulated("emulated-wasabi2", "emul__ww2_lognorm-static-5utxo", "wasabi2",
            "Wasabi 2 client and coordinator (10 wallets, 5 coins each, two runs) run by EmuCoinJoin on regtest, 2024-04");
        var mainnet = measurement.MainnetTransactions(dumplings);
        measurement.ChangeAgainstAddressReuse(mainnet);
        measurement.ClustersAgainstTags(mainnet);
        return (measurement._dataSets, measurement._measurements);
    }

    /// <summary>Every Dumplings transaction with its label; where files disagree, the CRoCS filter's verdict, then a CoinJoin label wins.</summary>
    private Dictionary<string, (ObservedTransaction Tx, DumplingsLabel Label)> ReadDumplings()
    {
        var all = new Dictionary<string, (ObservedTransaction, DumplingsLabel)>(StringComparer.Ordinal);
        foreach (var (zipName, entryName, label) in DumplingsFiles)
        {
            using var zip = ZipFile.OpenRead(_sources.Pets26Zip(zipName));
            var entry = zip.GetEntry(entryName) ?? throw new Core.CairnException($"{zipName}.zip has no {entryName}");
            using var reader = new StreamReader(entry.Open());
            foreach (var tx in DumplingsFile.Read(reader, $"{zipName}.zip/{entryName}"))
                if (!all.TryGetValue(tx.TxId, out var known) || Priority(label) < Priority(known.Item2)) all[tx.TxId] = (tx, label);
        }
        // A one-month extract calls the earlier mixes its mixes remix "Tx0s" (Dumplings takes every
        // non-mix input transaction of a mix for a Tx0): give those back Dumplings' own mix label.
        foreach (var (txid, (tx, label)) in all.ToList())
            if (label == DumplingsLabel.Tx0 && IsWhirlpoolMixShape(tx.Shape)) all[txid] = (tx, DumplingsLabel.Whirlpool);
        _log.WriteLine($"dumplings: {all.Count:N0} transactions ({string.Join(", ", all.Values.GroupBy(v => v.Item2).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))})");
        return all;
    }

    private static readonly long[] WhirlpoolPools = [100_000, 1_000_000, 5_000_000, 50_000_000];

    /// <summary>
    /// Dumplings' Samourai rule (the SCDH of Stütz et al. 2022, widened to 5–10 participants): as many
    /// inputs as outputs, 5 to 10, every output one pool's size, at least one input of exactly that
    /// size and the others at most 0.0011 BTC above it (premixes carrying the miner fee).
    /// </summary>
    private static bool IsWhirlpoolMixShape(Cairn.Tracing.Heuristics.TransactionShape shape)
    {
        var count = shape.Outputs.Count;
        if (count is < 5 or > 10 || shape.Inputs.Count != count) return false;
        var pool = shape.Outputs[0].Value;
        if (Array.IndexOf(WhirlpoolPools, pool) < 0 || shape.Outputs.Any(o => o.Value != pool)) return false;
        var values = shape.Inputs.Select(i => i.Value).ToList();
        return values.All(v => v is { } value && value >= pool && value - pool <= 110_000) && values.Contains(pool);
    }

    private static int Priority(DumplingsLabel label) => label switch
    {
        DumplingsLabel.FilteredFalsePositive => 0,
        DumplingsLabel.Tx0 => 2,
        DumplingsLabel.PostMix => 3,
        _ => 1,
    };

    private IEnumerable<DataSource> DumplingsSources() => DumplingsFiles.Select(f => f.Zip).Distinct().Select(_sources.Pets26Source);

    private void Add(RuleMeasurement measurement) => _measurements.Add(measurement);

    /// <summary>"2018-07 – 2024-06" from the transactions' block times.</summary>
    private static string PeriodOf(IEnumerable<ObservedTransaction> transactions)
    {
        // Coinbases are left out: a regtest run's genesis block carries the mainnet genesis time of 2011.
        var times = transactions.Where(t => !t.Shape.IsCoinbase).Select(t => t.Time).OfType<long>().ToList();
        if (times.Count == 0) return "unknown";
        static string Month(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var (first, last) = (Month(times.Min()), Month(times.Max()));
        return first == last ? first : $"{first} – {last}";
    }
}
