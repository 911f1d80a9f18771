using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Index.Bitcoin;

namespace Cairn.Tracing.Tracing;

/// <summary>Turns what a user typed (address, <c>txid:vout</c>, <c>txid</c>) into output ids of the index.</summary>
public static class SeedResolver
{
    /// <summary>
    /// An address gives every output paid to it; a txid every output of the transaction; a
    /// <c>txid:vout</c> that one output. Duplicates are dropped; the result is in id order.
    /// </summary>
    public static IReadOnlyList<uint> Resolve(BitcoinIndex index, IEnumerable<string> references)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(references);
        var outputs = new List<uint>();
        foreach (var reference in references)
        {
            IEnumerable<uint> resolved;
            try
            {
                resolved = ResolveOne(index, reference.Trim());
            }
            catch (CairnException ex) when (ex.GetType() == typeof(CairnException) && ex.Field is null)
            {
                // A malformed reference is a mistake in what was typed into "from": keyed by it, so a form shows it there.
                throw new CairnException(ex.Message, ex) { Field = "from" };
            }
            outputs.AddRange(resolved);
        }
        if (outputs.Count == 0) throw CairnException.Invalid("from", "nothing to trace: from needs an address, txid:vout or txid");
        // Sorted and without duplicates (a list sorted once: a trace of one output paid for a sorted set's tree).
        outputs.Sort();
        var distinct = 1;
        for (var i = 1; i < outputs.Count; i++)
            if (outputs[i] != outputs[distinct - 1]) outputs[distinct++] = outputs[i];
        outputs.RemoveRange(distinct, outputs.Count - distinct);
        return outputs;
    }

    public static IEnumerable<uint> ResolveOne(BitcoinIndex index, string reference)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(reference);
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon == 64 && Hash256.TryParse(reference.AsSpan(0, 64), out var outpointTxid))
        {
            var tx = FindTransaction(index, outpointTxid, reference);
            if (!uint.TryParse(reference.AsSpan(65), out var vout))
                throw CairnException.Invalid("from", $"malformed output reference '{reference}': expected txid:vout");
            var (first, end) = index.OutputsOf(tx);
            if (vout >= end - first) throw new NotFoundException($"transaction {outpointTxid} has no output {vout}");
            return [first + vout];
        }
        if (reference.Length == 64 && Hash256.TryParse(reference, out var txid))
        {
            var tx = FindTransaction(index, txid, reference);
            var (first, end) = index.OutputsOf(tx);
            return Enumerable.Range((int)first, (int)(end - first)).Select(o => (uint)o);
        }
        return OutputsOfAddress(index, reference);
    }

    /// <summary>The address id of a typed address, or a one-line error naming it.</summary>
    public static uint FindAddress(BitcoinIndex index, string address)
    {
        ArgumentNullException.ThrowIfNull(index);
        AddressKey key;
        try { key = AddressKey.Parse(address, index.Network); }
        catch (FormatException) { throw new CairnException($"'{address}' is not an address, txid:vout or txid"); }
        return index.TryFindAddress(key, out var id) ? id : throw new NotFoundException($"address {address} does not occur in the index");
    }

    private static uint[] OutputsOfAddress(BitcoinIndex index, string address) =>
        [.. index.OutputsOfAddress(FindAddress(index, address))];

    private static uint FindTransaction(BitcoinIndex index, Hash256 txid, string reference) =>
        index.TryFindTransaction(txid, out var tx) ? tx : throw new NotFoundException($"transaction {txid} (from '{reference}') is not in the index");
}
