using System.Text;
using System.Text.Json;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// Where seeds come from: real files of the reference data (<c>../shared/data</c>, see its
/// SOURCES.md for origin and licence) and of the repository (legal data, test data), read once.
/// Seeds above <see cref="MaxSeedBytes"/> are left out: mutating megabytes per case finds nothing a
/// smaller seed of the same format would not, at a hundred times the cost.
/// </summary>
public sealed class FuzzSeeds
{
    public const int MaxSeedBytes = 256 * 1024;

    public FuzzSeeds(string repositoryRoot, string sharedDataDirectory)
    {
        RepositoryRoot = repositoryRoot;
        SharedData = sharedDataDirectory;
    }

    public string RepositoryRoot { get; }

    public string SharedData { get; }

    /// <summary>The repository containing <paramref name="start"/> (the folder with Cairn.slnx) and its ../shared/data.</summary>
    public static FuzzSeeds Find(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        if (directory is null) throw new Core.CairnException($"no Cairn repository (Cairn.slnx) at or above {start}");
        return new FuzzSeeds(directory.FullName, Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data")));
    }

    /// <summary>The bytes of every file matching <paramref name="pattern"/> under <paramref name="relative"/> of the shared data, smallest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<byte[]> Shared(string relative, string pattern, int limit = 12) => Files(Path.Combine(SharedData, relative), pattern, limit);

    /// <summary>Like <see cref="Shared"/>, under the repository.</summary>
    public IReadOnlyList<byte[]> Repository(string relative, string pattern, int limit = 12) => Files(Path.Combine(RepositoryRoot, relative), pattern, limit);

    /// <summary>Hex text files (one block or transaction per file) as bytes.</summary>
    public IReadOnlyList<byte[]> SharedHex(params string[] relativeFiles) =>
        relativeFiles.Select(f => Path.Combine(SharedData, f)).Where(File.Exists)
            .Select(f => Convert.FromHexString(File.ReadAllText(f).Trim())).Where(b => b.Length <= 4 * MaxSeedBytes).ToList();

    /// <summary>Strings picked out of a JSON test-vector file by <paramref name="select"/>.</summary>
    public IReadOnlyList<byte[]> SharedJsonStrings(string relativeFile, Func<JsonElement, IEnumerable<string?>> select, int limit = 200)
    {
        var path = Path.Combine(SharedData, relativeFile);
        if (!File.Exists(path)) return [];
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return select(document.RootElement).OfType<string>().Take(limit).Select(Encoding.UTF8.GetBytes).ToList();
    }

    private static List<byte[]> Files(string directory, string pattern, int limit) =>
        !Directory.Exists(directory) ? []
            : Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
                .Select(f => new FileInfo(f)).Where(f => f.Length <= MaxSeedBytes).OrderBy(f => f.Length).ThenBy(f => f.FullName, StringComparer.Ordinal)
                .Take(limit).Select(f => File.ReadAllBytes(f.FullName)).ToList();
}
