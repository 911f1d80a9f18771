using System.Runtime.CompilerServices;

namespace Cairn.Exchange.Tests.Infrastructure;

/// <summary>
/// Finds ../shared/data next to the repository (the folder holding Cairn.slnx), walking up from
/// the test binaries, or from this source file when the binaries live elsewhere (--artifacts-path).
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot() => FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceDirectory())
        ?? throw new DirectoryNotFoundException("Cairn.slnx not found above " + AppContext.BaseDirectory);

    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot(), "..", "shared", "data", .. parts]);

    private static string? FindRoot(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        return directory?.FullName;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
