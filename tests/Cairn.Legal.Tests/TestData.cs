using Cairn.Legal.Loading;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Tests;

/// <summary>Shared fixtures: the embedded reference data, a fixed clock, and paths to the repo's data.</summary>
internal static class TestData
{
    public static LegalReference Reference => LegalDataLoader.LoadEmbedded();

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The folder holding Cairn.slnx, found above the test binaries or (with --artifacts-path elsewhere) above this source file.</summary>
    public static string RepoRoot => FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceDirectory()) ?? throw new InvalidOperationException("Cairn.slnx not found");

    private static string? FindRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cairn.slnx"))) dir = dir.Parent;
        return dir?.FullName;
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static string SharedData => Path.Combine(RepoRoot, "..", "shared", "data");
}

/// <summary>A TimeProvider frozen at a given instant, moved by tests.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
