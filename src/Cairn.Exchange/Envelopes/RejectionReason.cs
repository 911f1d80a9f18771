namespace Cairn.Exchange.Envelopes;

/// <summary>Why a received envelope was refused; each is logged and answered with a problem response (docs/exchange.md).</summary>
public enum RejectionReason
{
    /// <summary>Not an envelope at all (bad JSON, missing field, wrong version or sizes).</summary>
    Malformed,

    /// <summary>The bytes no longer hash to the digest the sender signed: changed in transit.</summary>
    Tampered,

    /// <summary>The digest matches but the signature is not the registered sender's.</summary>
    BadSignature,

    /// <summary>The sender node is not a registered partner.</summary>
    UnknownSender,

    /// <summary>Correctly signed, but for another node.</summary>
    Misaddressed,

    /// <summary>Past its expiry (or dated in the future beyond the allowed clock skew).</summary>
    Expired,

    /// <summary>A message id already received with different content.</summary>
    Replay,

    /// <summary>Signed by the sender but the payload does not decrypt with this node's key.</summary>
    Undecryptable,
}
