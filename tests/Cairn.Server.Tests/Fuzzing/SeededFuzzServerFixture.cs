using System.Text.Json.Nodes;
using Cairn.Development.Demo;
using Cairn.Development.Fuzzing;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Fuzzing;

/// <summary>
/// A small demo installation prepared for the API fuzz pass as the bench prepares it (<c>fuzz</c>, docs/benchmarks.md): the
/// fuzzing user's and the second ledger user's API tokens, the objects <see cref="ApiFuzzTargets.PrepareAsync"/> makes, the
/// alerts of an ingest, and the seed book looked up through the API. Its own server: the pass changes the demo case.
/// </summary>
public sealed class SeededFuzzServerFixture : IAsyncLifetime
{
    private const string Password = "a long fuzz test password";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("cairn-fuzz-seed-test-").FullName;

    public TestServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public HttpClient Officer { get; private set; } = null!;

    public JsonNode OpenApi { get; private set; } = null!;

    public ApiSeedBook Book { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DemoPipeline.RunAsync(DataDirectory, TimeProvider.System, 2_000);
        var ethereum = RecordedEthereumIndex.WriteInto(DataDirectory, Cairn.TestSupport.SharedData.Root)
            ?? throw new InvalidOperationException("ethereum-etl's recorded blocks are missing from the shared data");
        Server = await TestServer.StartAsync(DataDirectory, DemoPipeline.Agency);
        Http = await ApiFuzzTargets.TokenClientAsync(Server.Address, "admin", Server.Host.BootstrapPassword!, Password);
        using (var session = await ApiFuzzTargets.SignedInAsync(Server.Address, "admin", Password))
            Officer = await ApiFuzzTargets.PrepareAsync(session);
        await ApiFuzzTargets.RaiseAlertsAsync(Server.Host.App.Services);
        OpenApi = JsonNode.Parse(await Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        Book = await ApiSeedBook.LoadAsync(Http, Officer, ethereum);
    }

    public ApiOperation Operation(string operationId) => ApiFuzzer.Operations(OpenApi).Single(o => o.OperationId == operationId);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Officer.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
