namespace Cairn.Workspace.Legal;

/// <summary>A request rendered for people (DOCX, PDF) or machines (JSON): the bytes, their SHA-256, the media type and a file name.</summary>
public sealed record RenderedRequest(byte[] Bytes, string Sha256, string ContentType, string FileName);
