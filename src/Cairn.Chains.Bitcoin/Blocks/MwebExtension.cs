namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Litecoin's MWEB block extension (LIP-0002, LIP-0003): what follows the transactions of a block
/// whose last transaction is the HogEx. Cairn reads its header (height, the output, kernel and
/// leaf-set MMR roots, kernel and stealth offsets, MMR sizes) and keeps the body (MWEB inputs,
/// outputs and kernels) as an opaque count of bytes: amounts and owners inside MWEB are
/// confidential, so there is nothing in it a trace could follow. Coins cross the boundary only
/// through the HogEx and peg-in outputs, which are ordinary transaction data and are indexed.
/// </summary>
public sealed record MwebExtension
{
    /// <summary>False when the block carries the extension's "absent" marker (a HogEx with no MWEB block).</summary>
    public bool Present { get; init; }

    public int Height { get; init; }

    public Hash256 OutputRoot { get; init; }

    public Hash256 KernelRoot { get; init; }

    public Hash256 LeafsetRoot { get; init; }

    public ulong OutputMmrSize { get; init; }

    public ulong KernelMmrSize { get; init; }

    /// <summary>Bytes of the MWEB transaction body (inputs, outputs, kernels), skipped unread.</summary>
    public int BodySize { get; init; }

    /// <summary>Bytes of the whole extension, marker included.</summary>
    public int SerializedSize { get; init; }
}
