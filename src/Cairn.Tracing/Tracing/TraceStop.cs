namespace Cairn.Tracing.Tracing;

/// <summary>
/// One endpoint of a trace as the run keeps it: the number of the output (in the run's
/// <see cref="DenseIdMap"/>), the taint that stopped there and why. The reported
/// <see cref="TraceEndpoint"/> (with its <c>txid:vout</c>, address and paths) is made from it only when read.
/// </summary>
internal readonly record struct TraceStop(int Output, long AmountSat, StopReason Reason);
