namespace Cairn.Index.Tests;

/// <summary>Locates the peer reference data in ../shared/data next to the repository.</summary>
public static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var embedded = typeof(SharedData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (embedded is not null && File.Exists(Path.Combine(embedded, "Cairn.slnx")))
            return Path.GetFullPath(Path.Combine(embedded, "..", "shared", "data"));
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cairn.slnx"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("repository root (Cairn.slnx) not found above " + AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
    }
}
