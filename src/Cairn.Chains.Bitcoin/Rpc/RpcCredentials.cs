using System.Text;
using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// HTTP basic credentials for Bitcoin Core's JSON-RPC: <c>-rpcuser</c>/<c>-rpcpassword</c>
/// (or an <c>-rpcauth</c> user), or the cookie file Core writes to its data directory
/// (<c>.cookie</c>, one line "__cookie__:&lt;random hex&gt;", regenerated at every start).
/// </summary>
public sealed class RpcCredentials
{
    private RpcCredentials(string user, string password)
    {
        User = user;
        Password = password;
    }

    public string User { get; }

    public string Password { get; }

    public static RpcCredentials FromUserPassword(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        return new RpcCredentials(user, password);
    }

    /// <summary>Reads a cookie file; throws <see cref="CairnException"/> naming the file when it is missing or malformed.</summary>
    public static RpcCredentials FromCookieFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CairnException($"cannot read RPC cookie file '{path}': {ex.Message}", ex);
        }
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
            throw new CairnException($"malformed RPC cookie file '{path}': expected 'user:password'");
        return new RpcCredentials(text[..separator], text[(separator + 1)..]);
    }

    internal string ToBasicAuthorization() => Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password));
}
