using Cairn.Index.Bitcoin;

namespace Cairn.Tracing.Heuristics;

/// <summary>A transaction as the change rules see it, built by hand (tests, other sources) or from the chain index.</summary>
public sealed record TransactionShape(IReadOnlyList<InputShape> Inputs, IReadOnlyList<OutputShape> Outputs, uint LockTime, bool IsCoinbase = false)
{
    /// <summary>Reads transaction <paramref name="tx"/> from the index, prevouts and spenders included.</summary>
    public static TransactionShape FromIndex(BitcoinIndex index, uint tx) => FromIndex(index, tx, addressText: null);

    /// <summary>As <see cref="FromIndex(BitcoinIndex, uint)"/>, formatting address ids with <paramref name="addressText"/> (null: <see cref="BitcoinIndex.AddressString"/>; called only for real ids).</summary>
    internal static TransactionShape FromIndex(BitcoinIndex index, uint tx, Func<uint, string?>? addressText)
    {
        ArgumentNullException.ThrowIfNull(index);
        var (firstInput, endInput) = index.InputsOf(tx);
        var (firstOutput, endOutput) = index.OutputsOf(tx);
        var inputs = new List<InputShape>((int)(endInput - firstInput));
        for (var input = firstInput; input < endInput; input++)
        {
            var spent = index.SpentOutputOf(input);
            inputs.Add(new InputShape(AddressText(index, index.AddressOf(spent), addressText), index.ScriptTypeOf(spent), index.Value(spent)));
        }
        var outputs = new List<OutputShape>((int)(endOutput - firstOutput));
        for (var output = firstOutput; output < endOutput; output++)
        {
            var address = index.AddressOf(output);
            // Outputs of an address are listed in id order, so its first output tells whether it was used before this transaction.
            bool? seenBefore = address == uint.MaxValue ? null : index.OutputsOfAddress(address).First() < firstOutput;
            uint? spenderLockTime = index.SpenderOf(output) is { } spender ? index.TransactionLockTime(spender) : null;
            outputs.Add(new OutputShape(AddressText(index, address, addressText), index.ScriptTypeOf(output), index.Value(output), seenBefore, spenderLockTime));
        }
        return new TransactionShape(inputs, outputs, index.TransactionLockTime(tx), index.TransactionFlags(tx).HasFlag(TxFlags.Coinbase));
    }

    private static string? AddressText(BitcoinIndex index, uint address, Func<uint, string?>? addressText) =>
        address == uint.MaxValue ? null : addressText is null ? index.AddressString(address) : addressText(address);
}
