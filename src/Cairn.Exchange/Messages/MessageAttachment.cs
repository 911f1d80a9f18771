namespace Cairn.Exchange.Messages;

/// <summary>A file carried inside a message (evidence, a request letter); <see cref="Sha256"/> is lowercase hex of <see cref="Content"/>.</summary>
public sealed record MessageAttachment(string FileName, string MediaType, string Sha256, byte[] Content);
