using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Double SHA-256 through OpenSSL's low-level SHA-256 functions (SHA256_Init/Update/Final/Transform,
/// still exported by libcrypto 3 and dispatched to the CPU's SHA extensions where present), with the
/// hashing context on the stack. <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> goes
/// through EVP and allocates and frees a digest context per call (malloc, CRYPTO_free,
/// ERR_clear_error): for a 64-byte merkle node that overhead is several times the hashing itself.
/// Chain ingest hashes every txid and merkle node, so it takes this path when
/// <see cref="IsAvailable"/>; <see cref="DoubleSha256"/> falls back to System.Security.Cryptography
/// otherwise. The library is loaded once and checked against System.Security.Cryptography on known
/// inputs before it is used.
/// </summary>
public static unsafe class LibCryptoSha256
{
    /// <summary>sizeof(SHA256_CTX) in openssl/sha.h: h[8], Nl, Nh, data[16], num, md_len, all 32-bit.</summary>
    private const int ContextWords = 28;

    /// <summary>
    /// Longest input passed to one call without the GC transition. A call that suppresses the
    /// transition keeps the runtime from suspending the thread while it runs, so it must stay short:
    /// 64 KiB is about 40 µs at 1.6 GB/s. Longer inputs take the ordinary transition.
    /// </summary>
    private const int ShortInput = 64 * 1024;

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, int> s_init;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, byte*, nuint, int> s_updateShort;
    private static readonly delegate* unmanaged[Cdecl]<uint*, byte*, nuint, int> s_updateLong;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, uint*, int> s_final;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, byte*, void> s_transform;

    /// <summary>SHA-256's initial state (FIPS 180-4, 5.3.3).</summary>
    private static ReadOnlySpan<uint> InitialState =>
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    static LibCryptoSha256()
    {
        foreach (var name in LibraryNames())
        {
            if (!NativeLibrary.TryLoad(name, typeof(LibCryptoSha256).Assembly, null, out var library)) continue;
            if (!NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                || !NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                || !NativeLibrary.TryGetExport(library, "SHA256_Final", out var final)
                || !NativeLibrary.TryGetExport(library, "SHA256_Transform", out var transform))
                continue;
            s_init = (delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, int>)init;
            s_updateShort = (delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, byte*, nuint, int>)update;
            s_updateLong = (delegate* unmanaged[Cdecl]<uint*, byte*, nuint, int>)update;
            s_final = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, uint*, int>)final;
            s_transform = (delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, byte*, void>)transform;
            IsAvailable = AgreesWithSystemCryptography();
            if (IsAvailable) return;
        }
        IsAvailable = false;
    }

    /// <summary>True when libcrypto was found and gave the same digests as System.Security.Cryptography.</summary>
    public static bool IsAvailable { get; }

    /// <summary>Writes SHA256(SHA256(<paramref name="data"/>)) into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void HashDouble(ReadOnlySpan<byte> data, Span<byte> destination) =>
        HashDouble(data, default, default, destination);

    /// <summary>
    /// Double SHA-256 of the concatenation of three spans without copying them together, as a SegWit
    /// transaction's txid needs (version ‖ inputs and outputs ‖ lock time, BIP144).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HashDouble(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> destination)
    {
        EnsureAvailable(destination);
        HashConcatenation(first, second, third, destination);
    }

    /// <summary>
    /// Double SHA-256 of exactly 64 bytes (one merkle node: two child hashes): the message block and its
    /// fixed padding block through SHA256_Transform, then the outer hash, three calls in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HashDoublePair(ReadOnlySpan<byte> pair, Span<byte> destination)
    {
        EnsureAvailable(destination);
        if (pair.Length != 64) throw new ArgumentException($"a merkle node hashes 64 bytes, got {pair.Length}", nameof(pair));
        HashPair(pair, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashConcatenation(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, Span<byte> destination)
    {
        var context = stackalloc uint[ContextWords];
        var inner = stackalloc byte[32];
        s_init(context);
        Update(context, first);
        Update(context, second);
        Update(context, third);
        s_final(inner, context);
        HashDigest(context, inner, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HashPair(ReadOnlySpan<byte> pair, Span<byte> destination)
    {
        var context = stackalloc uint[ContextWords];
        var padding = stackalloc byte[64];
        var inner = stackalloc byte[32];
        InitialState.CopyTo(new Span<uint>(context, 8));
        fixed (byte* data = pair) s_transform(context, data);
        // FIPS 180-4, 5.1.1: a 1 bit, zeros, and the message length in bits (512) as a 64-bit big-endian number.
        new Span<byte>(padding, 64).Clear();
        padding[0] = 0x80;
        padding[62] = 0x02;
        s_transform(context, padding);
        WriteState(context, new Span<byte>(inner, 32));
        HashDigest(context, inner, destination);
    }

    /// <summary>SHA-256 of a 32-byte digest in one compression: the digest, then its padding (length 256 bits), in one block.</summary>
    private static void HashDigest(uint* context, byte* digest, Span<byte> destination)
    {
        var block = stackalloc byte[64];
        new Span<byte>(digest, 32).CopyTo(new Span<byte>(block, 32));
        new Span<byte>(block + 32, 32).Clear();
        block[32] = 0x80;
        block[62] = 0x01;
        InitialState.CopyTo(new Span<uint>(context, 8));
        s_transform(context, block);
        WriteState(context, destination);
    }

    private static void Update(uint* context, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return;
        fixed (byte* bytes = data)
        {
            if (data.Length <= ShortInput) s_updateShort(context, bytes, (nuint)data.Length);
            else s_updateLong(context, bytes, (nuint)data.Length);
        }
    }

    /// <summary>The digest is the state words in big-endian order (FIPS 180-4, 6.2.2).</summary>
    private static void WriteState(uint* context, Span<byte> destination)
    {
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], context[i]);
    }

    private static void EnsureAvailable(Span<byte> destination)
    {
        if (!IsAvailable) throw new InvalidOperationException("libcrypto's SHA-256 is not available here; use DoubleSha256, which falls back to System.Security.Cryptography");
        if (destination.Length < 32) throw new ArgumentException("a SHA-256 digest needs 32 bytes", nameof(destination));
    }

    /// <summary>OpenSSL 3's libcrypto as Linux, macOS and Windows name it.</summary>
    private static string[] LibraryNames() =>
        OperatingSystem.IsWindows() ? ["libcrypto-3-x64.dll", "libcrypto-3.dll"]
        : OperatingSystem.IsMacOS() ? ["libcrypto.3.dylib"]
        : ["libcrypto.so.3"];

    /// <summary>
    /// The layout of SHA256_CTX and the exports are checked, not assumed: empty, short, one-block,
    /// multi-block and split inputs, and a merkle pair, against System.Security.Cryptography.
    /// </summary>
    private static bool AgreesWithSystemCryptography()
    {
        try
        {
            var input = new byte[300];
            for (var i = 0; i < input.Length; i++) input[i] = (byte)(i * 7 + 1);
            Span<byte> expected = stackalloc byte[32];
            Span<byte> actual = stackalloc byte[32];
            foreach (var length in new[] { 0, 3, 55, 56, 64, 119, 300 })
            {
                Reference(input.AsSpan(0, length), expected);
                HashConcatenation(input.AsSpan(0, length), default, default, actual);
                if (!actual.SequenceEqual(expected)) return false;
            }
            Reference(input.AsSpan(0, 300), expected);
            HashConcatenation(input.AsSpan(0, 4), input.AsSpan(4, 290), input.AsSpan(294), actual);
            if (!actual.SequenceEqual(expected)) return false;
            Reference(input.AsSpan(0, 64), expected);
            HashPair(input.AsSpan(0, 64), actual);
            return actual.SequenceEqual(expected);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    private static void Reference(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        SHA256.HashData(data, destination);
        SHA256.HashData(destination[..32], destination);
    }
}
