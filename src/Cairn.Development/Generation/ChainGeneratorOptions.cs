namespace Cairn.Development.Generation;

/// <summary>Size, seed and output of a generated chain.</summary>
public sealed record ChainGeneratorOptions
{
    /// <summary>Approximate number of non-coinbase transactions to generate.</summary>
    public long Transactions { get; init; } = 20_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>Directory that receives blk*.dat (and xor.dat, scenario.json).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Obfuscate block files with a random xor.dat key, as Bitcoin Core 28+ does.</summary>
    public bool Xor { get; init; }

    /// <summary>Transactions per block; 0 picks a size that gives a few hundred blocks or more.</summary>
    public int TransactionsPerBlock { get; init; }

    /// <summary>Maximum blk file size (Bitcoin Core: 128 MiB).</summary>
    public long MaxFileBytes { get; init; } = 128L << 20;

    /// <summary>Plant the ransomware case (payment, peel chain, CoinJoin, deposits at three exchanges).</summary>
    public bool RansomwareScenario { get; init; } = true;
}
