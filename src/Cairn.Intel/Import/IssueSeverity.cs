namespace Cairn.Intel.Import;

public enum IssueSeverity
{
    /// <summary>The entry was imported but something about it is doubtful (e.g. an address that fails its checksum is kept and never matched).</summary>
    Warning,

    /// <summary>The entry (or, for a file-level problem, the whole file) was not imported.</summary>
    Error,
}
