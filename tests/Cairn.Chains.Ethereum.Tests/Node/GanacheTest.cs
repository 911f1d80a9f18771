namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// A test class that owns a real Ganache node and a scratch folder, both fresh per test (xunit builds
/// one instance per test) and removed afterwards, whether the test passed or failed.
/// </summary>
public abstract class GanacheTest(string scratchPrefix) : IAsyncLifetime
{
    protected GanacheNode Node { get; } = new();

    protected string Root { get; } = Path.Combine(Path.GetTempPath(), scratchPrefix + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Node.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
