using System.Runtime.CompilerServices;

namespace Cairn.Chains.Ethereum.Tests;

/// <summary>Paths to the repository and to the peer reference data in ../shared/data.</summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Root => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string EthereumEtl(params string[] parts) => Path.Combine([Root, "ethereum-etl", "tests", "resources", .. parts]);

    // Walk up from the test binaries to the folder holding Cairn.slnx; builds with
    // --artifacts-path put the binaries outside the repository, so fall back to this source file's location.
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
            if (directory is not null) return directory.FullName;
        }
        throw new InvalidOperationException("Cairn.slnx not found above " + AppContext.BaseDirectory);
    }
}
