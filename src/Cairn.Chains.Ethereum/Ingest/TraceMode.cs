namespace Cairn.Chains.Ethereum.Ingest;

/// <summary>Where internal (contract-to-account) ETH transfers come from, decided once per node.</summary>
public enum TraceMode
{
    /// <summary>Not decided yet (no transaction seen).</summary>
    Unknown,

    /// <summary><c>debug_traceBlockByNumber</c> with geth's callTracer: one call per block.</summary>
    CallTracerBlock,

    /// <summary><c>debug_traceTransaction</c> with callTracer: one call per transaction.</summary>
    CallTracerTransaction,

    /// <summary><c>debug_traceTransaction</c> struct logs (Ganache): the call tree is rebuilt from opcodes.</summary>
    StructLogs,

    /// <summary>The node offers no tracing: internal transfers are missing from the index.</summary>
    None,
}
