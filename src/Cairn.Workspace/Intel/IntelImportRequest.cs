namespace Cairn.Workspace.Intel;

/// <summary>
/// Files to import: kind (tagpack, actorpack, ofac), files or directories, whether a file with any
/// issue is refused whole, whether packs without <c>is_public</c> are agency-private, and the OFAC
/// lists' publication date (yyyy-MM-dd; the files carry none).
/// </summary>
public sealed record IntelImportRequest(string? Kind, IReadOnlyList<string>? Paths, bool Strict = false, bool Private = false, string? ListDate = null);
