namespace Cairn.Core.Net;

/// <summary>
/// A node URL as it may be printed or logged: scheme, host and port only. Node providers put
/// secrets in every other part (user and password in the user info, API keys in the path such as
/// <c>/v3/&lt;key&gt;</c> or in the query), and messages end up in terminals, server logs and bug
/// reports, so those parts are replaced by "…" (issue 17).
/// </summary>
public static class UrlRedaction
{
    public static string ForDisplay(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) return "(relative URL)";
        var hidden = url.UserInfo.Length > 0 || url.AbsolutePath is not ("/" or "") || url.Query.Length > 0 || url.Fragment.Length > 0;
        var text = url.IsDefaultPort ? $"{url.Scheme}://{url.Host}" : $"{url.Scheme}://{url.Host}:{url.Port}";
        return hidden ? text + "/…" : text;
    }

    /// <summary>The display form of <paramref name="text"/> when it parses as an absolute URL; otherwise a placeholder (never the text itself, which may hold a secret).</summary>
    public static string ForDisplay(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) ? ForDisplay(url) : "(unparseable URL)";

    /// <summary><paramref name="url"/> without its user info (kept apart as credentials by the callers that support them).</summary>
    public static Uri WithoutUserInfo(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = "", Password = "" }.Uri;
    }
}
