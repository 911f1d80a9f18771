using System.Globalization;
using System.Text;

namespace Cairn.Core;

/// <summary>
/// User or partner input quoted inside an error message. A <see cref="CairnException"/> message is
/// one line (the CLI prints it, the API returns it as a problem's detail, logs keep it on one
/// line), so what the user typed or a file held is shown with its control characters escaped
/// (<c>\n</c>, <c>\u001b</c>: a line break or a terminal escape sequence must not survive into a
/// terminal or a log) and cut at a length a person can read. The fuzz suite found messages that
/// echoed a pasted line break or a whole file (issue 17).
/// </summary>
public static class UserText
{
    public const int DefaultMaxLength = 120;

    /// <summary>
    /// A whole message held to one line: control characters escaped as <see cref="Quote"/> does,
    /// nothing cut (the message is ours; only the input it quotes can be long, and
    /// <see cref="Quote"/> cuts that).
    /// </summary>
    public static string OneLine(string? message) => message is null ? "" : NeedsEscaping(message) ? Quote(message, int.MaxValue) : message;

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
            if (char.IsControl(c) || c is '\u2028' or '\u2029') return true;
        return false;
    }

    /// <summary><paramref name="text"/> with control characters escaped and cut to <paramref name="maxLength"/> characters (then "…").</summary>
    public static string Quote(string? text, int maxLength = DefaultMaxLength)
    {
        if (text is null) return "";
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (var c in text)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    // C0, DEL and C1 controls, and the line and paragraph separators (U+2028/2029).
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
