using Cairn.Chains.Bitcoin;
using Cairn.Development.Validation.Real;
using Cairn.Tracing.Heuristics;

namespace Cairn.Tracing.Tests.Heuristics;

/// <summary>
/// Change detection on mainnet block 000000000000000000000c835b2adc…dafae (2021). The expected
/// transactions were checked outside Cairn (a Python script hashing each witness public key with
/// SHA-256 + RIPEMD-160 and comparing it with the outputs' P2WPKH programs).
/// </summary>
public sealed class ChangeDetectorRealBlockTests
{
    private static readonly Lazy<Block> Block = new(() => Cairn.Chains.Bitcoin.Block.Parse(File.ReadAllBytes(SharedData.SegwitBlock2021)));

    private static ChangeVerdict VerdictFor(string txid) =>
        ChangeDetector.Detect(LoneBlockShapes.ShapeOf(Block.Value.Transactions.Single(t => t.TxId.ToString() == txid), Network.Main));

    [Theory]
    // P2WPKH input f60834ef…5ec1 pays 1,437,200 sat to a P2SH and returns 1,170,483,500 sat to its own address.
    [InlineData("1519339917ba6d19266a7f6289bb5e6dea47726e8b0d18843af58689f7d70889", 1)]
    // Three inputs of e2a0f74c…b7a3; 156,439 sat back to that address (output 0), 601,457 sat to a P2PKH.
    [InlineData("2a93b4360a4b0e1832f384fca6eecd9b7d0e9dbfbe1a18eec33f00bd32d50f71", 0)]
    public void AddressReuse_RealTransactionPayingBackToItsInput_NamesThatOutput(string txid, int change)
    {
        var verdict = VerdictFor(txid);

        Assert.Equal(change, verdict.ChangeOutput);
        var evidence = Assert.Single(verdict.Evidence);
        Assert.Equal(("address_reuse", change), (evidence.Verdict.Rule, evidence.Output));
        Assert.Equal(0.9, verdict.Confidence, 6);
    }

    [Fact]
    public void AddressReuseAndRoundPayment_RealTransaction_AgreeOnTheChange()
    {
        // 250,000 sat (round) to a P2PKH; 540,410,912 sat back to the P2WPKH input's address 71dc3cd9…1196.
        var verdict = VerdictFor("1b9e317db79458f3ba17031edec715cf7724715bcd0e71b97cc9c28f2ad844d1");

        Assert.Equal(1, verdict.ChangeOutput);
        Assert.Equal(["address_reuse", "power_of_ten_payment"], verdict.Evidence.Select(e => e.Verdict.Rule));
        Assert.Equal(0.95, verdict.Confidence, 6);
    }

    [Fact]
    public void WholeBlock_AddressReuseFiresOnlyWhereAnOutputEqualsARecoveredInputAddress()
    {
        var checkedReuse = 0;
        foreach (var tx in Block.Value.Transactions.Where(t => t.Outputs.Count == 2))
        {
            var shape = LoneBlockShapes.ShapeOf(tx, Network.Main);
            var verdict = ChangeDetector.Detect(shape);
            foreach (var evidence in verdict.Evidence.Where(e => e.Verdict.Rule == "address_reuse"))
            {
                Assert.Contains(shape.Inputs, i => i.Address == shape.Outputs[evidence.Output].Address);
                checkedReuse++;
            }
            Assert.DoesNotContain(verdict.Evidence, e => e.Verdict.Rule is "optimal_change" or "one_time_change" or "locktime_fingerprint");
        }
        Assert.True(checkedReuse >= 40, $"{checkedReuse} address-reuse transactions");
    }
}
