using System.Runtime.CompilerServices;

namespace Cairn.Chains.Bitcoin.Tests;

/// <summary>Locates the peer reference data in ../shared/data next to the repository (see its SOURCES.md).</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string PathTo(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathTo(parts));

    public static string Text(params string[] parts) => File.ReadAllText(PathTo(parts));

    public static byte[] HexFile(params string[] parts) => Convert.FromHexString(Text(parts).Trim());

    private static string FindRoot()
    {
        // Builds may put binaries outside the repository (--artifacts-path), so fall back to this source file's location.
        var directory = FindSolutionAbove(AppContext.BaseDirectory) ?? FindSolutionAbove(SourceDirectory());
        if (directory is null) throw new InvalidOperationException("Cairn.slnx not found above " + AppContext.BaseDirectory);
        var data = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
        if (!Directory.Exists(data)) throw new InvalidOperationException("reference data not found at " + data);
        return data;
    }

    private static DirectoryInfo? FindSolutionAbove(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx")))
            directory = directory.Parent;
        return directory;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
