using System.Globalization;
using Cairn.Index.Bitcoin;
using static Cairn.Bench.BenchOptions;

namespace Cairn.Bench.Bitcoin;

/// <summary>
/// The index's size on the real chain's shape rather than the generated chain's: the bytes per row of each kind are
/// measured from a built index (<see cref="IndexRowCosts"/>) and multiplied by the row counts of the Bitcoin main chain.
/// The generated chains pay a fresh address in most outputs and have about 10.9 inputs+outputs per transaction, so their
/// "bytes per input+output" weighs the 21-byte address rows far more than mainnet does.
/// Usage: <c>index-projection --index DIR [--txs N] [--blocks N] [--outputs-per-tx X] [--addresses-per-tx X]
/// [--unspent-shares X,Y,..] [--tail-shares X,Y,..]</c>.
/// </summary>
public sealed class IndexProjectionBench : IBenchSuite
{
    // Sourced defaults (docs/benchmarks.md, "Index size on the real chain's shape"):
    // Bitcoin Core src/kernel/chainparams.cpp, m_assumeutxo_data at height 910,000: 1,226,586,151 transactions from genesis.
    private const long MainnetTransactions = 1_226_586_151;
    private const long MainnetBlocks = 910_001;
    // Blockchair's Bitcoin stats at height 690,164 (2021-07-08): 1,776,138,129 outputs (spent ones included) for
    // 654,248,075 transactions; 2.682 at height 586,961. The later ratio is taken.
    private const double MainnetOutputsPerTransaction = 1_776_138_129.0 / 654_248_075.0;
    // EBA "Bitcoin Graph v1" at height 863,000: more than 1.3 billion script nodes (one per distinct address) for about
    // 1.08 billion transactions; both are lower bounds (the release leaves out some transactions and zero-value outputs).
    private const double MainnetAddressesPerTransaction = 1.3 / 1.08;

    public string Name => "index-projection";

    public string Description => "Index size projected onto the Bitcoin main chain's row counts from the per-row costs of a built index";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var directory = OptionText(args, "--index");
        if (directory is null)
        {
            output.WriteLine("index-projection: --index DIR is required (a built Bitcoin index, e.g. btc-scale's --work DIR/index)");
            return Task.FromResult(2);
        }
        using var index = BitcoinIndex.OpenRead(directory);
        var fallback = MainnetShape.Sourced;
        Write(output, index, new MainnetShape(
            OptionNumber(args, "--txs", fallback.Transactions),
            OptionNumber(args, "--blocks", fallback.Blocks),
            OptionNumber(args, "--outputs-per-tx", fallback.OutputsPerTransaction),
            OptionNumber(args, "--addresses-per-tx", fallback.AddressesPerTransaction),
            OptionNumbers(args, "--unspent-shares", fallback.UnspentShares),
            OptionNumbers(args, "--tail-shares", fallback.TailShares)));
        return Task.FromResult(0);
    }

    /// <summary>
    /// The real chain's counts: transactions and blocks, outputs and distinct addresses per transaction (sourced), and
    /// the two shares no source at hand gives, tried over a range: the share of outputs still unspent (every input spends
    /// one earlier output, so inputs = outputs × (1 − share)) and the share of addresses with a 32-byte payload.
    /// </summary>
    internal sealed record MainnetShape(double Transactions, double Blocks, double OutputsPerTransaction, double AddressesPerTransaction,
        double[] UnspentShares, double[] TailShares)
    {
        /// <summary>The sourced counts above, with the two unsourced shares over 0–0.2 (unspent) and 0–0.3 (32-byte addresses).</summary>
        public static MainnetShape Sourced { get; } = new(MainnetTransactions, MainnetBlocks, MainnetOutputsPerTransaction, MainnetAddressesPerTransaction,
            [0, 0.1, 0.2], [0, 0.1, 0.3]);

        public ChainRows Rows(double unspentShare, double tailShare)
        {
            var outputs = Transactions * OutputsPerTransaction;
            var addresses = Transactions * AddressesPerTransaction;
            return new ChainRows(Blocks, Transactions, outputs * (1 - unspentShare), outputs, addresses, addresses * tailShare);
        }
    }

    /// <summary>Prints the per-row costs and the projections; answers the smallest and largest projected index in bytes.</summary>
    internal static (double Smallest, double Largest) Write(TextWriter output, BitcoinIndex index, MainnetShape shape)
    {
        var costs = IndexRowCosts.Measure(index);
        var own = IndexRowCosts.RowsOf(index);
        output.WriteLine(FormattableString.Invariant(
            $"bytes per row measured on this index: block {costs.PerBlock:F1}, transaction {costs.PerTransaction:F2}, input {costs.PerInput:F2}, output {costs.PerOutput:F2}, address {costs.PerAddress:F2}, 32-byte address tail {costs.PerAddressTail:F2}"));
        output.WriteLine(FormattableString.Invariant(
            $"this index's own shape ({own.Inputs / own.Transactions + own.Outputs / own.Transactions:F2} inputs+outputs, {own.Addresses / own.Outputs:F2} addresses per output, {own.AddressTails / own.Addresses:F2} of them 32-byte): {costs.BytesFor(own) / 1e9:F2} GB projected against {index.SizeInBytes() / 1e9:F2} GB on disk, {costs.BytesPerInputOutput(own):F1} bytes per input+output"));
        output.WriteLine(FormattableString.Invariant(
            $"main chain's shape: {shape.Transactions:N0} transactions in {shape.Blocks:N0} blocks, {shape.OutputsPerTransaction:F3} outputs and {shape.AddressesPerTransaction:F3} distinct addresses per transaction ({shape.AddressesPerTransaction / shape.OutputsPerTransaction:F2} per output)"));
        var perInputOutput = new List<double>();
        var totals = new List<double>();
        foreach (var unspent in shape.UnspentShares)
            foreach (var tail in shape.TailShares)
            {
                var rows = shape.Rows(unspent, tail);
                var bytes = costs.BytesPerInputOutput(rows);
                perInputOutput.Add(bytes);
                totals.Add(costs.BytesFor(rows));
                output.WriteLine(FormattableString.Invariant(
                    $"  unspent share {unspent:F2}, 32-byte addresses {tail:F2}: {(rows.Inputs + rows.Outputs) / rows.Transactions:F2} inputs+outputs per transaction, index {costs.BytesFor(rows) / 1e9:F0} GB = {bytes:F1} bytes per input+output (projected)"));
            }
        output.WriteLine(FormattableString.Invariant(
            $"projected on the main chain's shape: {perInputOutput.Min():F1}–{perInputOutput.Max():F1} bytes per input+output, all files (target 32; measured here: {(double)index.SizeInBytes() / (index.InputCount + index.OutputCount):F1})"));
        return (totals.Min(), totals.Max());
    }
}
