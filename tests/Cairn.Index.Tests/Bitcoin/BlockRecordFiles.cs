using System.Buffers.Binary;
using Cairn.Chains.Bitcoin;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>Raw blocks read from a generated blocks directory and written back, reordered or cut, as a regtest blk00000.dat.</summary>
public static class BlockRecordFiles
{
    public static List<byte[]> Read(string blocks) =>
        new BlockFileReader(blocks, Network.RegTest).ReadAll().Select(r => r.RawBlock.ToArray()).ToList();

    /// <summary>Writes <paramref name="blocks"/> framed with the regtest magic and their length; returns <paramref name="directory"/>.</summary>
    public static string Write(string directory, IEnumerable<byte[]> blocks)
    {
        using var file = File.Create(Path.Combine(directory, "blk00000.dat"));
        Span<byte> header = stackalloc byte[8];
        foreach (var block in blocks)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header, Network.RegTest.Magic);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)block.Length);
            file.Write(header);
            file.Write(block);
        }
        return directory;
    }
}
