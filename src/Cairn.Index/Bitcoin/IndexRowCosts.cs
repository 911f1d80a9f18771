namespace Cairn.Index.Bitcoin;

/// <summary>
/// What an index costs on disk per row of each kind, measured from its own files: every column and hash table belongs
/// to exactly one kind of row (a block, transaction, input, output, address, or the tail of a 32-byte address), and its
/// bytes are shared among that kind's rows. Multiplying by another chain's row counts projects the index that chain
/// would give, which is how a figure measured on a generated chain is carried over to the real one (docs/benchmarks.md,
/// "Index size on the real chain's shape"). A hash table's share per key depends on where its key count falls between
/// two capacity steps (load 0.64–0.8 since format 3), so it is the one part that does not scale exactly.
/// </summary>
public sealed record IndexRowCosts(double PerBlock, double PerTransaction, double PerInput, double PerOutput, double PerAddress, double PerAddressTail)
{
    /// <summary>Measures <paramref name="index"/>'s files; a file that is not a known kind of row is refused, so the measurement never silently leaves bytes out.</summary>
    public static IndexRowCosts Measure(BitcoinIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var bytes = new Dictionary<ChainRowKind, long>();
        foreach (var file in new DirectoryInfo(index.Directory).EnumerateFiles().Where(f => f.Extension is ".col" or ".hidx"))
        {
            var kind = KindOf(file.Name) ?? throw new InvalidDataException($"index file {file.Name} holds no known kind of row: add it to {nameof(IndexRowCosts)}.{nameof(KindOf)}");
            bytes[kind] = bytes.GetValueOrDefault(kind) + file.Length;
        }
        double Per(ChainRowKind kind, long rows) => rows == 0 ? 0 : (double)bytes.GetValueOrDefault(kind) / rows;
        return new IndexRowCosts(
            Per(ChainRowKind.Block, index.BlockCount),
            Per(ChainRowKind.Transaction, index.TransactionCount),
            Per(ChainRowKind.Input, index.InputCount),
            Per(ChainRowKind.Output, index.OutputCount),
            Per(ChainRowKind.Address, index.AddressCount),
            Per(ChainRowKind.AddressTail, index.AddressKeyTails.Count));
    }

    /// <summary>The rows of <paramref name="index"/> itself, for projecting onto its own shape (which gives back its size).</summary>
    public static ChainRows RowsOf(BitcoinIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new ChainRows(index.BlockCount, index.TransactionCount, index.InputCount, index.OutputCount, index.AddressCount, index.AddressKeyTails.Count);
    }

    /// <summary>Bytes of an index holding <paramref name="rows"/> at these costs.</summary>
    public double BytesFor(ChainRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Blocks * PerBlock + rows.Transactions * PerTransaction + rows.Inputs * PerInput + rows.Outputs * PerOutput
            + rows.Addresses * PerAddress + rows.AddressTails * PerAddressTail;
    }

    /// <summary>The figure the target is stated in: bytes per input+output, all files included.</summary>
    public double BytesPerInputOutput(ChainRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return BytesFor(rows) / (rows.Inputs + rows.Outputs);
    }

    /// <summary>The kind of row a file of the layout in docs/chain-index.md is one of, by its name; null for an unknown file.</summary>
    public static ChainRowKind? KindOf(string fileName) => fileName switch
    {
        BitcoinIndex.TxIdIndexFile => ChainRowKind.Transaction,
        BitcoinIndex.AddressIndexFile => ChainRowKind.Address,
        "addr_key_tail.col" => ChainRowKind.AddressTail,
        _ when !fileName.EndsWith(".col", StringComparison.Ordinal) => null,
        _ when fileName.StartsWith("block_", StringComparison.Ordinal) => ChainRowKind.Block,
        _ when fileName.StartsWith("tx_", StringComparison.Ordinal) => ChainRowKind.Transaction,
        _ when fileName.StartsWith("in_", StringComparison.Ordinal) => ChainRowKind.Input,
        // out_value_large.col has a row per large value only; its bytes are shared among all outputs like the rest.
        _ when fileName.StartsWith("out_", StringComparison.Ordinal) => ChainRowKind.Output,
        _ when fileName.StartsWith("addr_", StringComparison.Ordinal) => ChainRowKind.Address,
        _ => null,
    };
}
