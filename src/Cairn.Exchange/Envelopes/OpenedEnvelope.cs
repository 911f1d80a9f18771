namespace Cairn.Exchange.Envelopes;

/// <summary>An envelope that passed every check, with its decrypted payload.</summary>
public sealed record OpenedEnvelope(Envelope Envelope, byte[] Payload);
