using System.Buffers.Binary;
using System.Text.Json;

namespace Cairn.Chains.Bitcoin.Tests.Differential;

/// <summary>Every real block in ../shared/data as raw bytes, with the network it belongs to (SOURCES.md there).</summary>
internal static class RealBlocks
{
    public sealed record Source(string Name, byte[] Bytes, Network Network);

    private static readonly Lazy<IReadOnlyList<Source>> Loaded = new(() => Load().ToList());

    public static IReadOnlyList<Source> All() => Loaded.Value;

    private static IEnumerable<Source> Load()
    {
        foreach (var file in new[] { "blk00000.dat", "blk00001.dat" })
        {
            var index = 0;
            foreach (var block in Framed(TestData.Bytes("nbitcoin", "blocks", file)))
                yield return new Source($"nbitcoin/blocks/{file}#{index++}", block, Network.Main);
        }
        yield return new("nbitcoin/block169482.txt", TestData.HexFile("nbitcoin", "block169482.txt"), Network.Main);
        yield return new("nbitcoin/block-testnet-828575.txt", TestData.HexFile("nbitcoin", "block-testnet-828575.txt"), Network.Test);
        yield return new("rust-bitcoin/mainnet_block_…dafae.raw", TestData.Bytes("rust-bitcoin", "bitcoin", "tests", "data", "mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw"), Network.Main);
        yield return new("rust-bitcoin/testnet_block_…497b.raw", TestData.Bytes("rust-bitcoin", "bitcoin", "tests", "data", "testnet_block_000000000000045e0b1660b6445b5e5c5ab63c9a4f956be7e1e69be04fa4497b.raw"), Network.Test);
        yield return new("rust-bitcoin/block_13b8a.hex", TestData.HexFile("rust-bitcoin", "p2p", "tests", "data", "block_13b8a.hex"), Network.Main);
        foreach (var file in new[] { new[] { "nbitcoin", "bip158_vectors.json" }, new[] { "rust-bitcoin", "bitcoin", "tests", "data", "blockfilters.json" } })
        {
            using var document = JsonDocument.Parse(TestData.Text(file));
            foreach (var row in document.RootElement.EnumerateArray().Where(r => r.GetArrayLength() > 3))
                yield return new($"{string.Join('/', file)}#{row[0].GetInt32()}", Convert.FromHexString(row[2].GetString()!), Network.Test);
        }
    }

    /// <summary>Bitcoin Core's blk*.dat framing: network magic, little-endian length, block; zero padding ends the file.</summary>
    private static IEnumerable<byte[]> Framed(byte[] file)
    {
        var position = 0;
        while (position + 8 <= file.Length && BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position)) != 0)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 4));
            yield return file.AsSpan(position + 8, length).ToArray();
            position += 8 + length;
        }
    }
}
