using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// scriptPubKey ↔ address for P2PKH and P2SH (base58check with the network's version byte, or
/// CashAddr on Bitcoin Cash), P2WPKH and P2WSH (BIP173 bech32), P2TR and future witness versions
/// (BIP350 bech32m) on chains with SegWit.
/// Scripts without an address standard (P2PK, bare multisig, OP_RETURN, non-standard) give
/// null, as in Bitcoin Core where ExtractDestination yields no encodable destination for them.
/// P2PK is deliberately not rendered as the P2PKH address of its key: that would be a
/// different script, and an investigator must not be told funds sat at an address they did not.
/// </summary>
public static class AddressCodec
{
    /// <summary>Longest address we produce: a bech32m string of 90 characters (BIP173 limit).</summary>
    public const int MaxAddressLength = Bech32.MaxLength;

    public static string? FromScript(ReadOnlySpan<byte> scriptPubKey, Network network)
    {
        Span<char> buffer = stackalloc char[MaxAddressLength + 10];
        return TryFormat(scriptPubKey, network, buffer, out var written) ? new string(buffer[..written]) : null;
    }

    /// <summary>
    /// Writes the address of <paramref name="scriptPubKey"/> into <paramref name="destination"/>
    /// (at least <see cref="MaxAddressLength"/> chars) without allocating. False when the
    /// script type has no address.
    /// </summary>
    public static bool TryFormat(ReadOnlySpan<byte> scriptPubKey, Network network, Span<char> destination, out int written)
    {
        var type = ScriptClassifier.Classify(scriptPubKey);
        var version = ScriptClassifier.TryGetWitnessProgram(scriptPubKey, out var witnessVersion, out _) ? witnessVersion : -1;
        return TryFormat(type, version, ScriptClassifier.GetPayload(scriptPubKey, type), network, destination, out written);
    }

    /// <summary>
    /// The address of a script of <paramref name="type"/> paying to <paramref name="program"/> (the 20-byte hash of P2PKH and
    /// P2SH, the witness program otherwise), without the script itself: the chain index keeps only type and program.
    /// Null when the type has no address on <paramref name="network"/>.
    /// </summary>
    public static string? FromProgram(ScriptType type, int witnessVersion, ReadOnlySpan<byte> program, Network network)
    {
        Span<char> buffer = stackalloc char[MaxAddressLength + 10];
        return TryFormat(type, witnessVersion, program, network, buffer, out var written) ? new string(buffer[..written]) : null;
    }

    private static bool TryFormat(ScriptType type, int witnessVersion, ReadOnlySpan<byte> program, Network network, Span<char> destination, out int written)
    {
        ArgumentNullException.ThrowIfNull(network);
        written = 0;
        switch (type)
        {
            case ScriptType.P2PKH or ScriptType.P2SH when network.CashAddrPrefix is { } prefix:
                var text = CashAddr.Encode(prefix, type == ScriptType.P2PKH ? CashAddrKind.PubKeyHash : CashAddrKind.ScriptHash, program);
                text.CopyTo(destination);
                written = text.Length;
                return true;
            case ScriptType.P2PKH:
            case ScriptType.P2SH:
                Span<byte> payload = stackalloc byte[25];
                payload[0] = type == ScriptType.P2PKH ? network.PubKeyHashPrefix : network.ScriptHashPrefix;
                program.CopyTo(payload[1..]);
                Span<byte> digest = stackalloc byte[Hash256.Size];
                DoubleSha256.Hash(payload[..21], digest);
                digest[..4].CopyTo(payload[21..]);
                written = Base58.Encode(payload, destination);
                return true;
            case ScriptType.P2WPKH:
            case ScriptType.P2WSH:
            case ScriptType.P2TR:
            case ScriptType.WitnessUnknown:
                if (network.Bech32Hrp.Length == 0) return false;
                written = Bech32.EncodeSegwitAddress(network.Bech32Hrp, witnessVersion, program, destination);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Decodes an address; throws <see cref="CairnException"/> "malformed address 'x': reason" when invalid or not for <paramref name="expected"/>.</summary>
    public static DecodedAddress Decode(string address, Network? expected = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!TryDecode(address, expected, out var decoded, out var error))
            throw new CairnException($"malformed address '{UserText.Quote(address)}': {error}");
        return decoded;
    }

    /// <summary>
    /// Longer than any address of a supported format: Bech32 and Bech32m stop at 90 characters
    /// (BIP 173), Base58Check addresses at 35, a CashAddr with its prefix and a 64-byte hash stays
    /// under 128. Checked first, so a pasted page never reaches the quadratic Base58 decoder.
    /// </summary>
    public const int MaxDecodedLength = 128;

    public static bool TryDecode(string address, Network? expected, out DecodedAddress decoded) =>
        TryDecode(address, expected, out decoded, out _);

    /// <summary>Like <see cref="Decode"/>, with the reason for failure in <paramref name="error"/>.</summary>
    public static bool TryDecode(string address, Network? expected, out DecodedAddress decoded, out string error)
    {
        ArgumentNullException.ThrowIfNull(address);
        decoded = null!;
        address = address.Trim();
        if (address.Length == 0) return Fail(out error, "empty");
        if (address.Length > MaxDecodedLength) return Fail(out error, $"{address.Length} characters, longer than any address format ({MaxDecodedLength})");
        // Without an expected network, or with a Bitcoin one, Bitcoin's networks are the candidates
        // (as before other chains were known); another chain's addresses are decoded only for it.
        var candidates = expected is null || expected.Chain == Network.Main.Chain ? Network.All : Network.OfChain(expected.Chain);
        var separator = address.LastIndexOf('1');
        var hrpCandidate = separator > 0 ? address[..separator].ToLowerInvariant() : "";
        var bech32Networks = candidates.Where(n => n.Bech32Hrp.Length > 0 && n.Bech32Hrp == hrpCandidate).ToList();
        if (bech32Networks.Count > 0) return TryDecodeSegwit(address, expected, bech32Networks, out decoded, out error);
        if (expected?.CashAddrPrefix is { } prefix && LooksLikeCashAddr(address)) return TryDecodeCashAddr(address, expected, prefix, out decoded, out error);
        return TryDecodeBase58(address, expected, candidates, out decoded, out error);
    }

    /// <summary>A prefixed CashAddr, or an unprefixed one: 42+ characters starting with q, p, z or r (the type letters).</summary>
    private static bool LooksLikeCashAddr(string address) =>
        address.Contains(':', StringComparison.Ordinal) || (address.Length >= 42 && "qpzrQPZR".Contains(address[0], StringComparison.Ordinal));

    private static bool TryDecodeCashAddr(string address, Network network, string prefix, out DecodedAddress decoded, out string error)
    {
        decoded = null!;
        if (!CashAddr.TryDecode(address, prefix, out var kind, out var hash, out error)) return false;
        byte[] script = kind is CashAddrKind.PubKeyHash or CashAddrKind.TokenPubKeyHash
            ? hash.Length == 20 ? [ScriptClassifier.OpDup, ScriptClassifier.OpHash160, 20, .. hash, ScriptClassifier.OpEqualVerify, ScriptClassifier.OpCheckSig] : []
            : hash.Length == 20 ? [ScriptClassifier.OpHash160, 20, .. hash, ScriptClassifier.OpEqual]
            : hash.Length == 32 ? [OpHash256, 32, .. hash, ScriptClassifier.OpEqual] : [];
        if (script.Length == 0) return Fail(out error, $"a {kind} CashAddr with a {hash.Length}-byte hash pays to no standard script");
        decoded = new DecodedAddress(address, network, [network], ScriptClassifier.Classify(script), script, -1);
        return true;
    }

    // OP_HASH256: Bitcoin Cash's 32-byte P2SH (May 2023 upgrade) locks to OP_HASH256 <32 bytes> OP_EQUAL.
    private const byte OpHash256 = 0xaa;

    private static bool TryDecodeSegwit(string address, Network? expected, List<Network> networks, out DecodedAddress decoded, out string error)
    {
        decoded = null!;
        if (expected is not null && !networks.Contains(expected))
            return Fail(out error, $"prefix '{networks[0].Bech32Hrp}' is not for network {expected.Name}");
        if (!Bech32.TryDecodeSegwitAddress(address, out _, out var version, out var program, out error)) return false;
        var script = new byte[2 + program.Length];
        script[0] = version == 0 ? ScriptClassifier.OpFalse : (byte)(ScriptClassifier.Op1 + version - 1);
        script[1] = (byte)program.Length;
        program.CopyTo(script, 2);
        decoded = new DecodedAddress(address, expected ?? networks[0], networks, ScriptClassifier.Classify(script), script, version);
        return true;
    }

    private static bool TryDecodeBase58(string address, Network? expected, IReadOnlyList<Network> candidates, out DecodedAddress decoded, out string error)
    {
        decoded = null!;
        if (!Base58.TryDecode(address, out _)) return Fail(out error, "invalid base58 character");
        if (!Base58Check.TryDecode(address, out var payload)) return Fail(out error, "bad checksum");
        if (payload.Length != 21) return Fail(out error, $"base58 payload of {payload.Length} bytes, expected 21");
        var prefix = payload[0];
        var networks = candidates.Where(n => n.PubKeyHashPrefix == prefix || n.IsScriptHashPrefix(prefix)).ToList();
        if (networks.Count == 0) return Fail(out error, $"unknown version byte 0x{prefix:x2}");
        if (expected is not null && !networks.Contains(expected))
            return Fail(out error, $"version byte 0x{prefix:x2} is not for network {expected.Name}");
        var network = expected ?? networks[0];
        byte[] script;
        ScriptType type;
        if (prefix == network.PubKeyHashPrefix)
        {
            type = ScriptType.P2PKH;
            script = [ScriptClassifier.OpDup, ScriptClassifier.OpHash160, 20, .. payload.AsSpan(1), ScriptClassifier.OpEqualVerify, ScriptClassifier.OpCheckSig];
        }
        else
        {
            type = ScriptType.P2SH;
            script = [ScriptClassifier.OpHash160, 20, .. payload.AsSpan(1), ScriptClassifier.OpEqual];
        }
        decoded = new DecodedAddress(address, network, networks, type, script, -1);
        error = "";
        return true;
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
