using Cairn.Chains;

namespace Cairn.Workspace.Chain;

/// <summary>
/// What one ingest added to a chain index: the new rows are ids [<see cref="FirstRow"/>,
/// <see cref="FirstRow"/> + <see cref="Rows"/>) — transaction ids on a UTXO chain, transfer rows on an
/// account chain — and the blocks they came from. <see cref="BlocksRolledBack"/> blocks left the best
/// chain first; rows a listener saw before from those blocks no longer exist.
/// </summary>
public sealed record ChainIngested(string Chain, ChainFamily Family, long FirstRow, long Rows, long? FirstBlock, long? LastBlock, long BlocksRolledBack);
