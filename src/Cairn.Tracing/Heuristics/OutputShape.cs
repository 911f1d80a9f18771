using Cairn.Chains.Bitcoin;

namespace Cairn.Tracing.Heuristics;

/// <summary>
/// What the change rules need of an output: address, script type, value; whether the address
/// received anything before this transaction (null: unknown); and, when the output is spent, the
/// nLockTime of the spending transaction (null: unspent or unknown).
/// </summary>
public sealed record OutputShape(string? Address, ScriptType Type, long Value, bool? AddressSeenBefore = null, uint? SpenderLockTime = null);
