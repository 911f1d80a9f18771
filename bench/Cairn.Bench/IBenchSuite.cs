namespace Cairn.Bench;

/// <summary>
/// One benchmark suite (e.g. "btc-ingest", "screening"). Suites are found by reflection so
/// each area adds its own file without touching a shared list. A suite measures its figure
/// and a baseline in the same run and prints both with their ratio (see docs/benchmarks.md).
/// </summary>
public interface IBenchSuite
{
    /// <summary>Name used on the command line: <c>dotnet run --project bench/Cairn.Bench -c Release -- NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the suite; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args, TextWriter output);
}
