using System.Runtime.CompilerServices;

namespace Cairn.Storage.Tests.Intel;

/// <summary>Paths into ../shared/data for the intel repository tests.</summary>
internal static class IntelTestData
{
    public static string Path(params string[] parts)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, SourceDirectory() })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
            if (directory is not null) return System.IO.Path.Combine([directory.FullName, "..", "shared", "data", .. parts]);
        }
        throw new InvalidOperationException("repository root (Cairn.slnx) not found");
    }

    public static string Pack(string name) => Path("graphsense-tagpacks", "packs", name);

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path) ?? ".";
}
