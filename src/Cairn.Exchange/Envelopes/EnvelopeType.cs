namespace Cairn.Exchange.Envelopes;

/// <summary>What an envelope carries; written in the envelope (and signed) as the snake_case name.</summary>
public enum EnvelopeType
{
    /// <summary>A cooperation request (e.g. for information or evidence on a wallet).</summary>
    Request,

    /// <summary>An answer to a request, usually with evidence attached.</summary>
    Response,

    /// <summary>A spontaneous or requested FIU disclosure, with its handling terms (Egmont Principles).</summary>
    FiuDisclosure,

    /// <summary>An FIU-to-FIU request for information (Egmont Principles).</summary>
    FiuRequest,

    /// <summary>A human acknowledgement ("received, being processed").</summary>
    Ack,

    /// <summary>A signed acceptance receipt travelling back to the sender.</summary>
    Receipt,

    /// <summary>A deconfliction match filter: a Bloom filter of keyed hashes of an agency's case addresses (docs/deconfliction.md).</summary>
    MatchFilter,

    /// <summary>The answer to a match filter: keyed hashes of the addresses that hit, or a request for contact about one (docs/deconfliction.md).</summary>
    MatchHit,
}
