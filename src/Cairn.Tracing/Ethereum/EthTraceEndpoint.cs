namespace Cairn.Tracing.Ethereum;

/// <summary>An address where taint stopped and why: attributed_service, max_hops, unspent (still held at the end of the window).</summary>
public sealed record EthTraceEndpoint(
    string Address,
    string? Actor,
    string? Category,
    IReadOnlyList<string> Jurisdictions,
    double? Confidence,
    string Amount,
    double Share,
    int Hops,
    string Reason,
    IReadOnlyList<IReadOnlyList<EthTraceStep>> Paths);
