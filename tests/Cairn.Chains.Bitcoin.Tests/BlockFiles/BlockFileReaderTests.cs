using Cairn.Core;
using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests.BlockFiles;

/// <summary>Mainnet blocks 0–599 in Bitcoin Core's own blk*.dat framing (NBitcoin test data).</summary>
public class BlockFileReaderTests
{
    private static readonly string RealBlocks = SharedData.PathOf("nbitcoin", "blocks");

    [Fact]
    public void ReadAll_RealBlockFiles_Gives600BlocksWithValidMerkleRoots()
    {
        var reader = new BlockFileReader(RealBlocks, Network.Main);
        var records = reader.ReadAll().ToList();
        Assert.Equal(600, records.Count);
        Assert.Equal(300, records.Count(r => r.FileIndex == 0));
        Assert.Equal(8, records[0].Offset);
        var blocks = records.Select(r => Block.Parse(r.RawBlock.Span)).ToList();
        Assert.Equal(Network.Main.GenesisHash, blocks[0].Hash);
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.True(blocks[i].MerkleRootMatches, $"block {i}");
            // Blocks 1..599 arrive in chain order in these files: each builds on the one before.
            if (i > 0) Assert.Equal(blocks[i - 1].Hash, blocks[i].Header.PreviousBlockHash);
            // 2009–2010: subsidy 50 BTC; a block with only its coinbase has no fees to add.
            if (blocks[i].Transactions.Count == 1) Assert.Equal(5_000_000_000, blocks[i].TotalOutput);
        }
        // Block 170 holds the first person-to-person payment (Satoshi to Hal Finney, 10 BTC).
        Assert.Equal("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16", blocks[170].Transactions[1].TxId.ToString());
        Assert.Equal(1_000_000_000, blocks[170].Transactions[1].Outputs[0].Value);
    }

    [Fact]
    public void ReadBlock_AtARecordedLocation_GivesTheSameBytes()
    {
        var reader = new BlockFileReader(RealBlocks, Network.Main);
        var record = reader.ReadFile(1).ElementAt(123);
        Assert.Equal(record.RawBlock.ToArray(), reader.ReadBlock(record.FileIndex, record.Offset));
    }

    [Fact]
    public void ReadAll_WithXorKey_GivesTheSameBlocksAsPlainFiles()
    {
        using var directory = new TempDirectory();
        byte[] key = [0x3f, 0x91, 0x07, 0xc2, 0x5a, 0x00, 0xee, 0x14];
        File.WriteAllBytes(directory.File("xor.dat"), key);
        foreach (var name in new[] { "blk00000.dat", "blk00001.dat" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(RealBlocks, name));
            for (var i = 0; i < bytes.Length; i++) bytes[i] ^= key[i % 8]; // Core 28: key cycles by absolute offset
            File.WriteAllBytes(directory.File(name), bytes);
        }

        var plain = new BlockFileReader(RealBlocks, Network.Main).ReadAll().ToList();
        var obfuscated = new BlockFileReader(directory.Path, Network.Main);
        Assert.Equal(key, obfuscated.XorKey.ToArray());
        var decoded = obfuscated.ReadAll().ToList();
        Assert.Equal(plain.Select(r => (r.FileIndex, r.Offset)), decoded.Select(r => (r.FileIndex, r.Offset)));
        Assert.All(plain.Zip(decoded), pair => Assert.True(pair.First.RawBlock.Span.SequenceEqual(pair.Second.RawBlock.Span)));
        var sample = decoded[450];
        Assert.Equal(sample.RawBlock.ToArray(), obfuscated.ReadBlock(sample.FileIndex, sample.Offset));
    }

    [Fact]
    public void ReadAll_WithoutTheXorKey_ReportsBadMagic()
    {
        using var directory = new TempDirectory();
        var bytes = File.ReadAllBytes(Path.Combine(RealBlocks, "blk00000.dat"));
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= 0x5a;
        File.WriteAllBytes(directory.File("blk00000.dat"), bytes);
        var ex = Assert.Throws<CairnException>(() => new BlockFileReader(directory.Path, Network.Main).ReadAll().ToList());
        Assert.StartsWith("bad magic in blk00000.dat at byte 0: found a3e4ee83, expected f9beb4d9 for main", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ZeroPaddingAtTheEnd_IsSkipped()
    {
        using var directory = new TempDirectory();
        var bytes = File.ReadAllBytes(Path.Combine(RealBlocks, "blk00000.dat"));
        File.WriteAllBytes(directory.File("blk00000.dat"), [.. bytes, .. new byte[4096]]);
        Assert.Equal(300, new BlockFileReader(directory.Path, Network.Main).ReadAll().Count());
    }

    [Fact]
    public void ReadFile_IncompleteFile_ReportsFileAndOffsetOfTheCorruptRecord()
    {
        using var directory = CopyAs("incompleteblk.dat", "blk00007.dat");
        var reader = new BlockFileReader(directory.Path, Network.Main);
        var ex = Assert.Throws<CairnException>(() => reader.ReadAll().ToList());
        // 300 good records end at byte 70449; then a misaligned copy of a record follows.
        Assert.StartsWith("bad magic in blk00007.dat at byte 70449: found 00f9beb4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_IncompleteFile_StopsAtTheLastGoodRecordWhenAsked()
    {
        using var directory = CopyAs("incompleteblk.dat", "blk00007.dat");
        var reader = new BlockFileReader(directory.Path, Network.Main, new BlockFileReaderOptions { StopAtLastGoodRecord = true });
        var records = reader.ReadAll().ToList();
        Assert.Equal(300, records.Count);
        Assert.All(records, r => Assert.True(Block.Parse(r.RawBlock.Span).MerkleRootMatches));
    }

    [Fact]
    public void ReadFile_TruncatedLastBlock_NamesFileOffsetAndSizes()
    {
        using var directory = new TempDirectory();
        var bytes = File.ReadAllBytes(Path.Combine(RealBlocks, "blk00001.dat"));
        File.WriteAllBytes(directory.File("blk00001.dat"), bytes[..^50]);
        var ex = Assert.Throws<CairnException>(() => new BlockFileReader(directory.Path, Network.Main).ReadAll().ToList());
        Assert.Matches(@"^truncated block in blk00001\.dat at byte \d+: record says \d+ bytes, \d+ left$", ex.Message);
        var tolerant = new BlockFileReader(directory.Path, Network.Main, new BlockFileReaderOptions { StopAtLastGoodRecord = true });
        Assert.Equal(299, tolerant.ReadAll().Count());
    }

    [Fact]
    public void ReadHeaders_RealAndObfuscatedFiles_GiveTheSameHeadersAndLocationsAsReadAll()
    {
        using var directory = new TempDirectory();
        byte[] key = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
        File.WriteAllBytes(directory.File("xor.dat"), key);
        var plainBytes = File.ReadAllBytes(Path.Combine(RealBlocks, "blk00000.dat"));
        var padded = (byte[])[.. plainBytes, .. new byte[70_000]];
        for (var i = 0; i < padded.Length; i++) padded[i] ^= key[i % 8];
        File.WriteAllBytes(directory.File("blk00000.dat"), padded);

        foreach (var reader in new[] { new BlockFileReader(RealBlocks, Network.Main), new BlockFileReader(directory.Path, Network.Main) })
        {
            var full = reader.ReadAll().Select(r => (Hash: BlockHeader.Parse(r.RawBlock.Span[..BlockHeader.Size]).Hash, Location: new BlockLocation(r.FileIndex, r.Offset), r.RawBlock.Length)).ToList();
            var headers = reader.ReadHeaders().Select(h => (h.Header.Hash, h.Location, h.Length)).ToList();
            Assert.Equal(full, headers);
        }
    }

    [Fact]
    public void ReadHeaders_CorruptOrTruncatedFiles_FailOrStopLikeReadAll()
    {
        using var corrupt = CopyAs("incompleteblk.dat", "blk00007.dat");
        var strict = Assert.Throws<CairnException>(() => new BlockFileReader(corrupt.Path, Network.Main).ReadHeaders().ToList());
        Assert.StartsWith("bad magic in blk00007.dat at byte 70449: found 00f9beb4", strict.Message, StringComparison.Ordinal);
        Assert.Equal(300, new BlockFileReader(corrupt.Path, Network.Main, new BlockFileReaderOptions { StopAtLastGoodRecord = true }).ReadHeaders().Count());

        using var truncated = new TempDirectory();
        File.WriteAllBytes(truncated.File("blk00001.dat"), File.ReadAllBytes(Path.Combine(RealBlocks, "blk00001.dat"))[..^50]);
        var ex = Assert.Throws<CairnException>(() => new BlockFileReader(truncated.Path, Network.Main).ReadHeaders().ToList());
        Assert.Matches(@"^truncated block in blk00001\.dat at byte \d+: record says \d+ bytes, \d+ left$", ex.Message);
    }

    [Fact]
    public void ReadFileInto_AReusedLargerBuffer_GivesTheSameRecordsAsReadFile_AndIgnoresItsStaleTail()
    {
        using var directory = new TempDirectory();
        byte[] key = [0x3f, 0x91, 0x07, 0xc2, 0x5a, 0x00, 0xee, 0x14];
        File.WriteAllBytes(directory.File("xor.dat"), key);
        var bytes = File.ReadAllBytes(Path.Combine(RealBlocks, "blk00001.dat"));
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= key[i % 8];
        File.WriteAllBytes(directory.File("blk00000.dat"), bytes);
        var reader = new BlockFileReader(directory.Path, Network.Main);
        var expected = reader.ReadFile(0).ToList();
        // A buffer left over from a longer file: bytes past this file's end must not be read as records.
        var stale = new byte[bytes.Length + 10_000];
        Array.Fill(stale, (byte)0xab);

        var (buffer, records) = reader.ReadFileInto(0, stale);
        var (smaller, again) = reader.ReadFileInto(0, new byte[100]);

        Assert.Same(stale, buffer);
        Assert.Equal(bytes.Length, smaller.Length);
        foreach (var read in new[] { records, again })
        {
            Assert.Equal(expected.Select(r => (r.FileIndex, r.Offset)), read.Select(r => (r.FileIndex, r.Offset)));
            Assert.All(expected.Zip(read), pair => Assert.True(pair.First.RawBlock.Span.SequenceEqual(pair.Second.RawBlock.Span)));
        }
    }

    [Fact]
    public void Deobfuscate_AnyKeyLengthPhaseAndSpanLength_EqualsTheByteByByteXor()
    {
        var random = new Random(20261203);
        foreach (var keyLength in new[] { 1, 3, 8, 31, 32, 100, 128, 129, 300 })
        {
            var key = new byte[keyLength];
            random.NextBytes(key);
            key[0] |= 1;
            foreach (var length in new[] { 0, 1, 7, 31, 32, 33, 255, 256, 257, 1000, 4099 })
            {
                var original = new byte[length];
                random.NextBytes(original);
                var fileOffset = random.NextInt64(0, 1L << 40);
                var expected = original.Select((b, i) => (byte)(b ^ key[(int)((fileOffset + i) % keyLength)])).ToArray();
                var data = (byte[])original.Clone();
                BlockFileReader.Deobfuscate(data, fileOffset, key);
                Assert.True(expected.AsSpan().SequenceEqual(data), $"key {keyLength} bytes, span {length} bytes at offset {fileOffset}");
                BlockFileReader.Deobfuscate(data, fileOffset, key);
                Assert.True(original.AsSpan().SequenceEqual(data), "the same XOR restores the bytes");
            }
        }
    }

    [Fact]
    public void Constructor_MissingDirectory_Throws()
    {
        var ex = Assert.Throws<CairnException>(() => new BlockFileReader("/nonexistent/blocks", Network.Main));
        Assert.Equal("blocks directory '/nonexistent/blocks' does not exist", ex.Message);
    }

    private static TempDirectory CopyAs(string source, string target)
    {
        var directory = new TempDirectory();
        File.Copy(Path.Combine(RealBlocks, source), directory.File(target));
        return directory;
    }
}
