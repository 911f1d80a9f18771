using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation.Real;

/// <summary>A real transaction as the measurements see it: its id, when it was mined (Unix seconds, when known) and its shape.</summary>
public sealed record ObservedTransaction(string TxId, long? Time, TransactionShape Shape)
{
    public IEnumerable<long> OutputValues => Shape.Outputs.Select(o => o.Value);
}
