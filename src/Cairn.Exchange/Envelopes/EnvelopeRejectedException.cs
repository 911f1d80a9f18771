using Cairn.Core;

namespace Cairn.Exchange.Envelopes;

/// <summary>A received envelope that must not reach case data, with the precise <see cref="Reason"/>.</summary>
public sealed class EnvelopeRejectedException : CairnException
{
    public EnvelopeRejectedException(RejectionReason reason, string message) : base(message)
    {
        Reason = reason;
    }

    public EnvelopeRejectedException(RejectionReason reason, string message, Exception innerException) : base(message, innerException)
    {
        Reason = reason;
    }

    public EnvelopeRejectedException() : this(RejectionReason.Malformed, "malformed envelope") { }

    public EnvelopeRejectedException(string message) : this(RejectionReason.Malformed, message) { }

    public EnvelopeRejectedException(string message, Exception innerException) : this(RejectionReason.Malformed, message, innerException) { }

    public RejectionReason Reason { get; }

    /// <summary>The snake_case name used in logs and problem responses ("bad_signature").</summary>
    public string ReasonCode => ReasonName(Reason);

    public static string ReasonName(RejectionReason reason) => reason switch
    {
        RejectionReason.BadSignature => "bad_signature",
        RejectionReason.UnknownSender => "unknown_sender",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
