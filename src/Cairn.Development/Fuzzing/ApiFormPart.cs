namespace Cairn.Development.Fuzzing;

/// <summary>One part of a multipart/form-data body (RFC 7578): a file (sent with a file name) or a text field.</summary>
public sealed record ApiFormPart(string Name, bool IsFile, byte[] Content, string? FileName = null);
