using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;
using Cairn.Chains.Ethereum.Encoding;

namespace Cairn.Exchange.Ivms101;

/// <summary>
/// An IVMS101 <c>accountNumber</c> taken apart: the chain its format belongs to, the bare address,
/// and a destination tag or memo written after it. Travel-rule networks append the tag to the
/// address (CODE: <c>address:tag</c>; XRP URIs: <c>?dt=</c>); it identifies the customer at an
/// exchange's shared address and must not be mistaken for part of the address.
/// Recognised formats: EVM (0x + 40 hex, EIP-55 checked when mixed case) → "eth"; Bitcoin
/// base58check/bech32 → "btc" on mainnet, "btc-testnet" otherwise; XRP classic addresses
/// (Ripple base58 alphabet, version 0, double-SHA-256 checksum) → "xrp". Anything else keeps the
/// network the payload names, or "unknown": never a guess.
/// </summary>
public sealed record AccountNumber(string Chain, string Address, string? Tag)
{
    public const string UnknownChain = "unknown";

    /// <summary>Ripple's base58 alphabet; the same positions as Bitcoin's, so a string translates character by character.</summary>
    private const string RippleAlphabet = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";
    private const string BitcoinAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly string[] UriSchemes = ["bitcoin:", "ethereum:", "litecoin:", "bitcoincash:", "xrpl:", "ripple:"];

    /// <summary>Takes <paramref name="text"/> apart; <paramref name="network"/> is the chain the surrounding message names, if any.</summary>
    public static AccountNumber Parse(string text, string? network = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        foreach (var scheme in UriSchemes)
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) value = value[scheme.Length..];
        string? tag = null;
        var query = value.IndexOf("?dt=", StringComparison.OrdinalIgnoreCase);
        if (query > 0)
        {
            tag = value[(query + 4)..].Trim();
            value = value[..query];
        }
        else if (value.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            tag = value[(colon + 1)..].Trim();
            value = value[..colon];
        }
        value = value.Trim();
        return new AccountNumber(ChainOf(value, network), value, string.IsNullOrEmpty(tag) ? null : tag);
    }

    private static string ChainOf(string address, string? network)
    {
        if (address.Length == 42 && address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && EthAddress.IsValidChecksum("0x" + address[2..])) return "eth";
        if (AddressCodec.TryDecode(address, null, out var bitcoin)) return bitcoin.Network == Network.Main ? "btc" : "btc-testnet";
        if (IsXrpClassicAddress(address)) return "xrp";
        var named = network?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(named) || !named.All(char.IsAsciiLetterOrDigit) ? UnknownChain : named;
    }

    /// <summary>An XRP Ledger classic address: 25 bytes (version 0, 20-byte account id, 4-byte checksum) in Ripple's base58.</summary>
    public static bool IsXrpClassicAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length is < 25 or > 35 || address[0] != 'r') return false;
        var translated = new char[address.Length];
        for (var i = 0; i < address.Length; i++)
        {
            var position = RippleAlphabet.IndexOf(address[i], StringComparison.Ordinal);
            if (position < 0) return false;
            translated[i] = BitcoinAlphabet[position];
        }
        if (!Base58.TryDecode(new string(translated), out var bytes) || bytes.Length != 25 || bytes[0] != 0) return false;
        var checksum = SHA256.HashData(SHA256.HashData(bytes.AsSpan(0, 21)));
        return checksum.AsSpan(0, 4).SequenceEqual(bytes.AsSpan(21, 4));
    }
}
