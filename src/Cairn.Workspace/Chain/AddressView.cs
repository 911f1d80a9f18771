using Cairn.Core;
using Cairn.Index.Bitcoin;

namespace Cairn.Workspace.Chain;

/// <summary>
/// An address from the index (`cairn btc address`, GET /api/v1/btc/address): totals over all its
/// outputs and one page of them, newest first. Totals stream over the outputs, so an exchange
/// hot wallet with millions of outputs costs time, not memory beyond its transaction set.
/// </summary>
public sealed record AddressView(
    string Address, string ReceivedSat, string SentSat, string BalanceSat, string Balance, long TxCount, long OutputCount,
    long Offset, bool Truncated, IReadOnlyList<AddressView.OutputRow> Outputs)
{
    public sealed record OutputRow(string Txid, uint Vout, long Height, string ValueSat, string Value, string? SpentBy);

    /// <summary>The address <paramref name="text"/>, or a <see cref="NotFoundException"/> when the index has no output paying it.</summary>
    public static AddressView Find(BitcoinIndex index, string text, long offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(index);
        var key = AddressKey.Parse(text, index.Network);
        if (!index.TryFindAddress(key, out var id)) throw new NotFoundException($"address {text} has no outputs in the index (height {index.TipHeight})");
        return Of(index, id, offset, limit);
    }

    public static AddressView Of(BitcoinIndex index, uint address, long offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(index);
        long received = 0, sent = 0, count = 0;
        var transactions = new HashSet<uint>();
        var rows = new List<OutputRow>();
        foreach (var output in index.OutputsOfAddress(address))
        {
            var value = index.Value(output);
            var tx = index.TransactionOfOutput(output);
            received += value;
            transactions.Add(tx);
            var spender = index.SpenderOf(output);
            if (spender is { } s)
            {
                sent += value;
                transactions.Add(s);
            }
            if (count >= offset && rows.Count < limit)
                rows.Add(new OutputRow(index.TransactionHash(tx).ToString(), index.VoutOf(output), index.HeightOf(tx), TransactionView.Sat(value), TransactionView.Btc(value),
                    spender is { } sp ? index.TransactionHash(sp).ToString() : null));
            count++;
        }
        return new AddressView(index.AddressString(address), TransactionView.Sat(received), TransactionView.Sat(sent), TransactionView.Sat(received - sent),
            TransactionView.Btc(received - sent), transactions.Count, count, offset, offset + rows.Count < count, rows);
    }
}
