using System.Security.Cryptography;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>Fingerprints an index directory so two builds can be compared byte for byte.</summary>
public static class IndexFiles
{
    public static IReadOnlyDictionary<string, string> Fingerprint(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles()
            .Where(f => f.Extension is ".col" or ".hidx" || f.Name == "manifest.json")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(f => f.Name, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.FullName))));
}
