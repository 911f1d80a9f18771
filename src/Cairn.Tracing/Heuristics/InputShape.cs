using Cairn.Chains.Bitcoin;

namespace Cairn.Tracing.Heuristics;

/// <summary>What the change rules need of an input: the spent output's address, script type and value (null when not known, e.g. a lone block without its prevouts).</summary>
public sealed record InputShape(string? Address, ScriptType Type, long? Value);
