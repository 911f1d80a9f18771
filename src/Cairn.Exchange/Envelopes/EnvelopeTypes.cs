using Cairn.Core;

namespace Cairn.Exchange.Envelopes;

/// <summary>The wire names of <see cref="EnvelopeType"/> ("request", "fiu_disclosure", …).</summary>
public static class EnvelopeTypes
{
    public static string Name(EnvelopeType type) => type switch
    {
        EnvelopeType.Request => "request",
        EnvelopeType.Response => "response",
        EnvelopeType.FiuDisclosure => "fiu_disclosure",
        EnvelopeType.FiuRequest => "fiu_request",
        EnvelopeType.Ack => "ack",
        EnvelopeType.Receipt => "receipt",
        EnvelopeType.MatchFilter => "match_filter",
        EnvelopeType.MatchHit => "match_hit",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static EnvelopeType Parse(string name) => name switch
    {
        "request" => EnvelopeType.Request,
        "response" => EnvelopeType.Response,
        "fiu_disclosure" => EnvelopeType.FiuDisclosure,
        "fiu_request" => EnvelopeType.FiuRequest,
        "ack" => EnvelopeType.Ack,
        "receipt" => EnvelopeType.Receipt,
        "match_filter" => EnvelopeType.MatchFilter,
        "match_hit" => EnvelopeType.MatchHit,
        _ => throw new CairnException($"unknown message type '{name}': expected request, response, fiu_disclosure, fiu_request, ack, receipt, match_filter or match_hit"),
    };
}
