using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Cairn.Chains.Bitcoin;

namespace Cairn.Bench.Bitcoin;

/// <summary>
/// `block-xor`: undoing Bitcoin Core's block-file obfuscation (an 8-byte key from
/// <c>blocks/xor.dat</c>, Bitcoin Core 28+), which every byte of a real node's block files passes
/// through before it is parsed. Figure: <see cref="BlockFileReader.Deobfuscate"/> over a buffer
/// already in memory. Baseline from the same run: reading the same bytes once, a vector at a time
/// (no pass over every byte can beat it; deobfuscation also writes them back); also the
/// byte-at-a-time XOR with a modulo per byte, the way the reader did it before, for the
/// before/after ratio. Best of five rounds.
/// </summary>
public sealed class BlockXorBench : IBenchSuite
{
    private const int Rounds = 5;

    public string Name => "block-xor";

    public string Description => "block-file deobfuscation (8-byte xor.dat key) vs reading the same bytes once, and vs a byte-at-a-time XOR";

    public Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var data = new byte[megabytes << 20];
        var key = new byte[8];
        var random = new Random(42);
        random.NextBytes(data);
        random.NextBytes(key);
        output.WriteLine($"buffer {megabytes} MiB, 8-byte key, best of {Rounds}");

        var folded = Vector<byte>.Zero;
        var bound = BestRate(data.Length, () => folded ^= ReadOnce(data));
        var byteAtATime = BestRate(data.Length, () => XorByteAtATime(data, 0, key));
        var deobfuscate = BestRate(data.Length, () => BlockFileReader.Deobfuscate(data, 0, key));
        output.WriteLine($"bound: read once, a vector at a time  {bound / 1e6,9:F0} MB/s");
        output.WriteLine($"byte at a time with a modulo          {byteAtATime / 1e6,9:F0} MB/s  {byteAtATime / bound:F2} of the bound");
        output.WriteLine($"BlockFileReader.Deobfuscate           {deobfuscate / 1e6,9:F0} MB/s  {deobfuscate / bound:F2} of the bound  {deobfuscate / byteAtATime:F1}x byte at a time");
        return Task.FromResult(0);
    }

    /// <summary>Every byte read once: the vectors folded together with XOR, so the loads cannot be skipped.</summary>
    private static Vector<byte> ReadOnce(ReadOnlySpan<byte> data)
    {
        var fold = Vector<byte>.Zero;
        for (var i = 0; i <= data.Length - Vector<byte>.Count; i += Vector<byte>.Count) fold ^= new Vector<byte>(data[i..]);
        return fold;
    }

    /// <summary>The reader's loop before it XORed a vector at a time: the "before" of the ratio.</summary>
    private static void XorByteAtATime(Span<byte> data, long fileOffset, ReadOnlySpan<byte> key)
    {
        var phase = (int)(fileOffset % key.Length);
        for (var i = 0; i < data.Length; i++) data[i] ^= key[(phase + i) % key.Length];
    }

    private static double BestRate(long bytes, Action pass)
    {
        pass();
        var best = 0.0;
        for (var round = 0; round < Rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            pass();
            best = Math.Max(best, bytes / stopwatch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
