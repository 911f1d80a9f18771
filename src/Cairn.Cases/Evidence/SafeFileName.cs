namespace Cairn.Cases.Evidence;

/// <summary>
/// File names that come from users or partners (uploads, exchange attachments) made safe to use as
/// one path segment anywhere: the last segment after any '/' or '\', no control or format
/// characters, no "..", no leading dots or trailing dots and spaces (Windows drops them), at most
/// 200 characters; "file" when nothing is left. <see cref="IsSafeEntryName"/> checks a whole path
/// inside a package the same way, segment by segment.
/// </summary>
public static class SafeFileName
{
    private const int MaxLength = 200;

    public static string From(string? name)
    {
        var text = name ?? "";
        var last = Math.Max(text.LastIndexOf('/'), text.LastIndexOf('\\'));
        if (last >= 0) text = text[(last + 1)..];
        text = new string(text.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        while (text.Contains("..", StringComparison.Ordinal)) text = text.Replace("..", ".", StringComparison.Ordinal);
        text = text.TrimStart('.', ' ').TrimEnd('.', ' ');
        if (text.Length > MaxLength) text = text[..MaxLength];
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
