using System.Globalization;
using System.Text;

namespace Cairn.Cases.Custody;

/// <summary>
/// The state of the custody log at one moment: its size and root hash (lowercase hex), and
/// when that was observed. <see cref="SignedBytes"/> is the exact text the installation key
/// signs, one field per line, so it can be checked by hand with <c>openssl dgst -verify</c>.
/// </summary>
public sealed record TreeHead(long TreeSize, string RootHash, DateTimeOffset Timestamp)
{
    public const string Format = "cairn-tree-head-v1";

    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{Format}\n{TreeSize}\n{RootHash}\n{CustodyEntry.FormatTime(Timestamp)}\n"));
}
