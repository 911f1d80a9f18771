using System.Runtime.CompilerServices;

namespace Cairn.Cli.Tests.Cases;

/// <summary>Locates the repository (folder with Cairn.slnx) and ../shared/data, from the binaries or from this source file.</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Find(SourceDirectory())
        ?? throw new DirectoryNotFoundException("Cairn.slnx not found");

    public static string SharedData => Path.Combine(Root, "..", "shared", "data");

    private static string? Find(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        return directory?.FullName;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
