using System.Runtime.CompilerServices;

namespace Cairn.Intel.Tests;

/// <summary>Paths into the peer data in ../shared/data (see SOURCES.md there).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        // Builds may put binaries outside the repository (--artifacts-path), so also try the
        // working directory and this source file's own location.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory() })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
            if (directory is not null) return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data"));
        }
        throw new InvalidOperationException("repository root (Cairn.slnx) not found above " + AppContext.BaseDirectory);
    });

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string Pack(string name) => Path("graphsense-tagpacks", "packs", name);

    public static string ActorPack => Path("graphsense-tagpacks", "actors", "graphsense.actorpack.yaml");

    public static string OfacLists => Path("ofac-sanctioned-digital-currency-addresses");

    public static string SdnCsv => Path("ofac-sdn-csv", "sdn.csv");

    public static IEnumerable<string> AllPacks =>
        Directory.EnumerateFiles(Path("graphsense-tagpacks", "packs"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path) ?? ".";
}
