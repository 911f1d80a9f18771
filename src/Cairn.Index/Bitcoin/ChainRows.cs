namespace Cairn.Index.Bitcoin;

/// <summary>
/// Row counts of a chain, measured (an index's own) or projected (another chain's shape); fractional when projected
/// from ratios.
/// </summary>
public sealed record ChainRows(double Blocks, double Transactions, double Inputs, double Outputs, double Addresses, double AddressTails);
