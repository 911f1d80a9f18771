namespace Cairn.Cli.Tests.Cases;

/// <summary>A fresh data directory for one test, deleted afterwards.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cairn-cli-").FullName;

    /// <summary>Runs the CLI in-process against this data directory.</summary>
    public CliRunner.Result Run(params string[] args) => CliRunner.Run(["--data", Path, .. args]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a killed child may still hold a handle for a moment
        }
    }
}
