using System.Reflection;
using System.Runtime.CompilerServices;

namespace Cairn.TestSupport;

/// <summary>
/// Paths to the repository (the folder holding Cairn.slnx) and to the peer reference data in
/// ../shared/data next to it (see SOURCES.md there).
/// </summary>
public static class SharedData
{
    private const string SolutionFile = "Cairn.slnx";

    private static readonly Lazy<string> RepositoryRootValue = new(FindRepositoryRoot);

    private static readonly Lazy<string> RootValue = new(() =>
    {
        var data = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(data) ? data : throw new DirectoryNotFoundException("reference data not found at " + data);
    });

    /// <summary>The folder holding Cairn.slnx.</summary>
    public static string RepositoryRoot => RepositoryRootValue.Value;

    /// <summary>The peer reference data folder, ../shared/data beside the repository.</summary>
    public static string Root => RootValue.Value;

    /// <summary>A path inside the peer reference data.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A GraphSense TagPack under graphsense-tagpacks/packs.</summary>
    public static string TagPack(string name) => PathOf("graphsense-tagpacks", "packs", name);

    /// <summary>Every GraphSense TagPack, in ordinal path order.</summary>
    public static IEnumerable<string> AllTagPacks =>
        Directory.EnumerateFiles(PathOf("graphsense-tagpacks", "packs"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>The GraphSense ActorPack.</summary>
    public static string ActorPack => PathOf("graphsense-tagpacks", "actors", "graphsense.actorpack.yaml");

    /// <summary>The folder of OFAC's sanctioned_addresses_*.txt lists.</summary>
    public static string OfacLists => PathOf("ofac-sanctioned-digital-currency-addresses");

    /// <summary>OFAC's SDN list as CSV.</summary>
    public static string SdnCsv => PathOf("ofac-sdn-csv", "sdn.csv");

    /// <summary>A file of the repository's own chain test data (tests/data/chains, see its README.md).</summary>
    public static string ChainData(params string[] parts) => Path.Combine([RepositoryRoot, "tests", "data", "chains", .. parts]);

    /// <summary>A file in ethereum-etl's test resources.</summary>
    public static string EthereumEtl(params string[] parts) => PathOf(["ethereum-etl", "tests", "resources", .. parts]);

    // Builds with --artifacts-path put the binaries outside the repository, so besides walking up from
    // them, use the path Directory.Build.props embeds at build time, the working directory, and this
    // source file's own location.
    private static string FindRepositoryRoot()
    {
        var embedded = typeof(SharedData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (embedded is not null && File.Exists(Path.Combine(embedded, SolutionFile)))
            return Path.GetFullPath(embedded);
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory() })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile))) directory = directory.Parent;
            if (directory is not null) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"repository root ({SolutionFile}) not found above {AppContext.BaseDirectory}");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
