using Cairn.Chains.Bitcoin;
using Cairn.Tracing.Heuristics;

namespace Cairn.Tracing.Tests.Heuristics;

public sealed class ChangeDetectorTests
{
    private const string Alice = "bc1qalice", Bob = "bc1qbob", Carol = "1Carol";

    private static TransactionShape Tx(InputShape[] inputs, OutputShape[] outputs, uint lockTime = 0) => new(inputs, outputs, lockTime);

    private static InputShape In(string address, long value, ScriptType type = ScriptType.P2WPKH) => new(address, type, value);

    private static OutputShape Out(string address, long value, ScriptType type = ScriptType.P2WPKH, bool? seen = null, uint? spenderLockTime = null) =>
        new(address, type, value, seen, spenderLockTime);

    private static IEnumerable<string> Rules(ChangeVerdict verdict) => verdict.Evidence.Select(e => e.Verdict.Rule);

    [Fact]
    public void AddressReuse_OutputBackToTheInputAddress_IsChange()
    {
        var verdict = ChangeDetector.Detect(Tx([In(Alice, 1_234_567)], [Out(Bob, 500_001), Out(Alice, 733_000)]));

        Assert.Equal(1, verdict.ChangeOutput);
        Assert.Equal(["address_reuse"], Rules(verdict));
        Assert.Equal(0.9, verdict.Confidence, 6);
    }

    [Fact]
    public void OneTimeChange_OnlyFreshSameTypeNonRoundOutput_IsChange()
    {
        var verdict = ChangeDetector.Detect(Tx([In(Alice, 9_000_000)],
            [Out(Carol, 3_000_123, ScriptType.P2PKH, seen: false), Out(Bob, 5_990_877, seen: false), Out("bc1qdave", 4_321, seen: true)]));

        Assert.Contains(verdict.Evidence, e => e.Verdict.Rule == "one_time_change" && e.Output == 1);
    }

    [Fact]
    public void OneTimeChange_AddressHistoryUnknown_DoesNotFire()
    {
        var verdict = ChangeDetector.Detect(Tx([In(Alice, 9_000_000)], [Out(Carol, 3_000_123, ScriptType.P2PKH), Out(Bob, 5_990_877)]));

        Assert.DoesNotContain("one_time_change", Rules(verdict));
    }

    [Fact]
    public void OptimalChange_OnlyOutputSmallerThanEveryInput_IsChange()
    {
        var verdict = ChangeDetector.Detect(Tx([In(Alice, 4_000_000), In("bc1qa2", 3_000_000)], [Out(Bob, 6_500_000), Out(Carol, 490_000)]));

        Assert.Equal(1, verdict.ChangeOutput);
        Assert.Contains(verdict.Evidence, e => e.Verdict.Rule == "optimal_change" && e.Output == 1);
    }

    [Fact]
    public void PowerOfTenPayment_RoundPaymentLeavesTheOtherAsChange()
    {
        var verdict = ChangeDetector.Detect(Tx([In(Alice, 80_000_000)], [Out(Bob, 25_000_000), Out(Carol, 54_987_654)]));

        Assert.Equal(1, verdict.ChangeOutput);
        Assert.Equal(["power_of_ten_payment"], Rules(verdict));
        Assert.Equal(0.5, verdict.Confidence, 6);
    }

    [Fact]
    public void LockTimeFingerprint_SpenderSharingTheLockTimeHabit_IsChange()
    {
        var verdict = ChangeDetector.Detect(Tx([In(Alice, 8_000_000)], [Out(Bob, 2_000_123, spenderLockTime: 0), Out(Carol, 5_987_654, spenderLockTime: 700_001)], lockTime: 700_000));

        Assert.Equal(1, verdict.ChangeOutput);
        Assert.Equal(["locktime_fingerprint"], Rules(verdict));
    }

    [Fact]
    public void AgreeingRules_CombineAboveEachAlone()
    {
        var verdict = ChangeDetector.Detect(Tx([In(Alice, 80_000_000)], [Out(Bob, 25_000_000), Out(Alice, 54_987_654)]));

        Assert.Equal(1, verdict.ChangeOutput);
        Assert.Equal(["address_reuse", "power_of_ten_payment"], Rules(verdict));
        Assert.Equal(1 - (0.1 * 0.5), verdict.Confidence, 6);
    }

    [Fact]
    public void ConflictingRules_DiscountTheWinner_AndEqualScoresCancel()
    {
        // address_reuse (0.9) says output 0; power_of_ten_payment (0.5) says output 1.
        var conflict = ChangeDetector.Detect(Tx([In(Alice, 80_000_000)], [Out(Alice, 25_000_000), Out(Bob, 54_987_654)]));
        Assert.Equal(0, conflict.ChangeOutput);
        Assert.Equal(0.9 * 0.5, conflict.Confidence, 6);

        // optimal_change (0.5) says output 0 (below both inputs), power_of_ten_payment (0.5) says output 1: equal scores cancel.
        var tie = ChangeDetector.Detect(Tx([In(Alice, 9_000_000), In(Bob, 9_500_000)], [Out(Carol, 1_000_000), Out("bc1qe", 17_400_001)]));
        Assert.Equal(2, tie.Evidence.Count);
        Assert.Null(tie.ChangeOutput);
    }

    [Fact]
    public void OneOutputOrCoinbase_HasNoChange()
    {
        Assert.Same(ChangeVerdict.None, ChangeDetector.Detect(Tx([In(Alice, 5)], [Out(Bob, 4)])));
        Assert.Same(ChangeVerdict.None, ChangeDetector.Detect(new TransactionShape([In(Alice, 5)], [Out(Bob, 1), Out(Carol, 3)], 0, IsCoinbase: true)));
    }

    [Fact]
    public void Detect_OnTheGeneratedChain_NamesChangeForMostOrdinaryPayments()
    {
        var chain = GeneratedChain.Instance;
        int twoOutput = 0, named = 0;
        for (uint tx = 0; tx < chain.Index.TransactionCount; tx += 7)
        {
            var (first, end) = chain.Index.OutputsOf(tx);
            if (end - first != 2 || chain.Index.TransactionFlags(tx).HasFlag(Cairn.Index.Bitcoin.TxFlags.Coinbase)) continue;
            twoOutput++;
            var verdict = ChangeDetector.Detect(chain.Index, tx);
            if (verdict.ChangeOutput is not null) named++;
            Assert.InRange(verdict.Confidence, 0, 1);
        }
        Assert.True(twoOutput > 100);
        Assert.True(named * 2 > twoOutput, $"{named} of {twoOutput}");
    }
}
