namespace Cairn.Cases.Evidence;

/// <summary>
/// File names that come from users or partners (uploads, exchange attachments) made safe to use as
/// one path segment anywhere: the last segment after any '/' or '\', no control or format
/// characters, no "..", no leading dots or trailing dots and spaces (Windows drops them), at most
/// 200 characters and 200 bytes of UTF-8; "file" when nothing is left. <see cref="IsSafeEntryName"/> checks a whole path
/// inside a package the same way, segment by segment.
/// </summary>
public static class SafeFileName
{
    private const int MaxLength = 200;

    private const int MaxBytes = 200;

    public static string From(string? name)
    {
        var text = name ?? "";
        var last = Math.Max(text.LastIndexOf('/'), text.LastIndexOf('\\'));
        if (last >= 0) text = text[(last + 1)..];
        text = new string(text.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        while (text.Contains("..", StringComparison.Ordinal)) text = text.Replace("..", ".", StringComparison.Ordinal);
        text = text.TrimStart('.', ' ').TrimEnd('.', ' ');
        if (text.Length > MaxLength) text = text[..MaxLength];
        // File systems bound one name in bytes, not characters (NAME_MAX, 255 bytes on ext4, XFS, Btrfs and APFS): 200
        // characters outside ASCII take up to 800 bytes of UTF-8, which made an upload a 500 (found by the API fuzz pass of
        // session 11, issue 17). Cut at a whole character.
        var length = 0;
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxBytes) break;
            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        text = text[..length].TrimEnd('.', ' ');
        return text.Length == 0 ? "file" : text;
    }

    /// <summary>Whether <paramref name="path"/> is a relative '/'-separated path whose every segment is already safe.</summary>
    public static bool IsSafeEntryName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal)) return false;
        return path.Split('/').All(segment => segment.Length > 0 && segment == From(segment) && segment != "." );
    }
}
