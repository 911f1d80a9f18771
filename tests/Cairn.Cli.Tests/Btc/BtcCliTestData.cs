namespace Cairn.Cli.Tests.Btc;

/// <summary>Paths to the peer reference data in ../shared/data (see its SOURCES.md).</summary>
internal static class BtcCliTestData
{
    public static string PathTo(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        directory ??= FromSource();
        return Path.GetFullPath(Path.Combine([directory.FullName, "..", "shared", "data", .. parts]));
    }

    // Builds with --artifacts-path put binaries outside the repository: use this file's location then.
    private static DirectoryInfo FromSource([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        return directory ?? throw new InvalidOperationException("Cairn.slnx not found");
    }
}
