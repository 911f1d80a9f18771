using System.Runtime.CompilerServices;

namespace Cairn.Tracing.Tests;

/// <summary>Paths into the peer data in ../shared/data (see SOURCES.md there).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        // Builds may put binaries outside the repository (--artifacts-path): also try this source file's location.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory() })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
            if (directory is not null) return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data"));
        }
        throw new InvalidOperationException("repository root (Cairn.slnx) not found above " + AppContext.BaseDirectory);
    });

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    /// <summary>Mainnet block 000000000000000000000c835b2adc…dafae (2021-09-30, 2,500 transactions, SegWit), from rust-bitcoin's test data.</summary>
    public static string SegwitBlock2021 =>
        Path("rust-bitcoin", "bitcoin", "tests", "data", "mainnet_block_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw");

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path) ?? ".";
}
