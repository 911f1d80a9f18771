namespace Cairn.Workspace.Chain;

/// <summary>Height, tip and sizes of the Bitcoin index, with its bytes on disk per input and output.</summary>
public sealed record BitcoinIndexStats(string Network, long Height, string? Tip, long Transactions, long Inputs, long Outputs, long Addresses, long IndexBytes, double BytesPerInputOutput);
