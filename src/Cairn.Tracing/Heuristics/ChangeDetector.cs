using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;

namespace Cairn.Tracing.Heuristics;

/// <summary>
/// Which output of a transaction is the sender's change. Each rule looks for exactly one output
/// that stands apart and reports it with a confidence (rules and sources in docs/tracing.md):
/// <list type="bullet">
/// <item><c>address_reuse</c> (0.9): one output pays back to an input's address ("direct change";
/// Meiklejohn et al. 2013 §4.2 on wallets that send change to the spending address).</item>
/// <item><c>one_time_change</c> (0.6): exactly one output is to a fresh address, of the inputs'
/// script type, with a non-round value (Androulaki et al. 2013; Meiklejohn et al. 2013).</item>
/// <item><c>optimal_change</c> (0.5): exactly one output is smaller than the smallest input: had
/// it been the payment, that input would not have been needed (Nick 2015, "Data-driven de-anonymization in Bitcoin").</item>
/// <item><c>power_of_ten_payment</c> (0.5): every other output is a round amount (a multiple of
/// 10^4 sat) and this one is not: people pay round amounts, change is what is left.</item>
/// <item><c>locktime_fingerprint</c> (0.4): this output is spent by a transaction whose nLockTime
/// use (zero or not; Bitcoin Core sets it against fee sniping) matches this transaction's, and
/// every other output's spender does not: the same wallet spent it.</item>
/// </list>
/// Combined verdict: per output, 1 − Π(1 − c) over the rules that point at it; the highest
/// scoring output is the change, its confidence discounted by Π(1 − score) of the outputs other
/// rules pointed at. Equal top scores cancel out (no change named). Coinbases, one-output
/// transactions and CoinJoins (<see cref="CoinJoinDetector"/>) have no change verdict.
/// </summary>
public static class ChangeDetector
{
    /// <summary>Round means a multiple of 10^4 satoshi (0.0001 BTC).</summary>
    public const long RoundUnit = 10_000;

    public static ChangeVerdict Detect(BitcoinIndex index, uint tx) => Detect(index, tx, addressText: null);

    /// <summary>As <see cref="Detect(BitcoinIndex, uint)"/>, formatting addresses with <paramref name="addressText"/> (null: <see cref="BitcoinIndex.AddressString"/>).</summary>
    internal static ChangeVerdict Detect(BitcoinIndex index, uint tx, Func<uint, string?>? addressText)
    {
        ArgumentNullException.ThrowIfNull(index);
        var (first, end) = index.OutputsOf(tx);
        if (end - first < 2 || CoinJoinDetector.Detect(index, tx) is not null) return ChangeVerdict.None;
        return Detect(TransactionShape.FromIndex(index, tx, addressText));
    }

    public static ChangeVerdict Detect(TransactionShape tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.IsCoinbase || tx.Inputs.Count == 0) return ChangeVerdict.None;
        var candidates = Enumerable.Range(0, tx.Outputs.Count)
            .Where(o => tx.Outputs[o].Address is not null && tx.Outputs[o].Type != ScriptType.NullData).ToList();
        if (candidates.Count < 2) return ChangeVerdict.None;
        var evidence = new List<ChangeEvidence>();
        AddressReuse(tx, candidates, evidence);
        OneTimeChange(tx, candidates, evidence);
        OptimalChange(tx, candidates, evidence);
        PowerOfTenPayment(tx, candidates, evidence);
        LockTimeFingerprint(tx, candidates, evidence);
        return Combine(evidence);
    }

    public static bool IsRound(long value) => value > 0 && value % RoundUnit == 0;

    private static void AddressReuse(TransactionShape tx, List<int> candidates, List<ChangeEvidence> evidence)
    {
        var inputAddresses = tx.Inputs.Select(i => i.Address).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var reused = candidates.Where(o => inputAddresses.Contains(tx.Outputs[o].Address!)).ToList();
        if (reused.Count == 1)
            evidence.Add(new(reused[0], new("address_reuse", 0.9, $"output {reused[0]} pays back to input address {tx.Outputs[reused[0]].Address}")));
    }

    private static void OneTimeChange(TransactionShape tx, List<int> candidates, List<ChangeEvidence> evidence)
    {
        var inputType = tx.Inputs[0].Type;
        if (tx.Inputs.Any(i => i.Type != inputType)) return;
        if (candidates.Any(o => tx.Outputs[o].AddressSeenBefore is null)) return;
        var fitting = candidates.Where(o => tx.Outputs[o] is { AddressSeenBefore: false } output && output.Type == inputType && !IsRound(output.Value)).ToList();
        if (fitting.Count == 1)
            evidence.Add(new(fitting[0], new("one_time_change", 0.6, $"only output {fitting[0]} goes to a fresh {inputType} address with a non-round value")));
    }

    private static void OptimalChange(TransactionShape tx, List<int> candidates, List<ChangeEvidence> evidence)
    {
        if (tx.Inputs.Any(i => i.Value is null)) return;
        var smallestInput = tx.Inputs.Min(i => i.Value!.Value);
        var smaller = candidates.Where(o => tx.Outputs[o].Value < smallestInput).ToList();
        if (smaller.Count == 1)
            evidence.Add(new(smaller[0], new("optimal_change", 0.5, $"only output {smaller[0]} is smaller than the smallest input ({smallestInput} sat)")));
    }

    private static void PowerOfTenPayment(TransactionShape tx, List<int> candidates, List<ChangeEvidence> evidence)
    {
        var notRound = candidates.Where(o => !IsRound(tx.Outputs[o].Value)).ToList();
        if (notRound.Count == 1)
            evidence.Add(new(notRound[0], new("power_of_ten_payment", 0.5, $"every other output is a round amount; output {notRound[0]} ({tx.Outputs[notRound[0]].Value} sat) is not")));
    }

    private static void LockTimeFingerprint(TransactionShape tx, List<int> candidates, List<ChangeEvidence> evidence)
    {
        if (candidates.Any(o => tx.Outputs[o].SpenderLockTime is null)) return;
        var setsLockTime = tx.LockTime != 0;
        var matching = candidates.Where(o => tx.Outputs[o].SpenderLockTime != 0 == setsLockTime).ToList();
        if (matching.Count == 1)
            evidence.Add(new(matching[0], new("locktime_fingerprint", 0.4, $"only output {matching[0]} is spent by a transaction that {(setsLockTime ? "sets" : "does not set")} nLockTime, as this one")));
    }

    private static ChangeVerdict Combine(List<ChangeEvidence> evidence)
    {
        if (evidence.Count == 0) return ChangeVerdict.None;
        var scores = evidence.GroupBy(e => e.Output)
            .Select(g => (Output: g.Key, Score: 1 - g.Aggregate(1.0, (product, e) => product * (1 - e.Verdict.Confidence))))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Output).ToList();
        if (scores.Count > 1 && scores[0].Score == scores[1].Score) return new ChangeVerdict(null, 0, evidence);
        var confidence = scores.Skip(1).Aggregate(scores[0].Score, (c, other) => c * (1 - other.Score));
        return new ChangeVerdict(scores[0].Output, Math.Round(confidence, 6), evidence);
    }
}
