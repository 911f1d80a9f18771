using Cairn.TestSupport;

namespace Cairn.Chains.Bitcoin.Tests;

/// <summary>Reads files of the peer reference data in ../shared/data (see its SOURCES.md).</summary>
internal static class TestData
{
    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(SharedData.PathOf(parts));

    public static string Text(params string[] parts) => File.ReadAllText(SharedData.PathOf(parts));

    public static byte[] HexFile(params string[] parts) => Convert.FromHexString(Text(parts).Trim());
}
