using System.Security.Cryptography;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>Compares two index directories byte for byte (every column, the adjacency and the head).</summary>
public static class IndexFiles
{
    public static Dictionary<string, string> Digests(string directory) =>
        Directory.GetFiles(directory).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
}
