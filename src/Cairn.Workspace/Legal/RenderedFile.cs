namespace Cairn.Workspace.Legal;

/// <summary>A rendering written to a file: request, format, path and the file's SHA-256 (also in the custody log).</summary>
public sealed record RenderedFile(string Id, string Format, string Path, string Sha256);
