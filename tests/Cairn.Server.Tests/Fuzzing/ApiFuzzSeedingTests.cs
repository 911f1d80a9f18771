using Cairn.Development.Fuzzing;

namespace Cairn.Server.Tests.Fuzzing;

/// <summary>
/// Issue 17, fuzz depth: in session 9, 45 of 89 API operations accepted no fuzz case, because their paths named objects the
/// fuzzer did not know and their bodies lacked the current version or a closed-list value. Every operation now starts from a
/// seed the server accepts: real path values looked up through the API, valid bodies, the version read before each case.
/// </summary>
public sealed class ApiFuzzSeedingTests(SeededFuzzServerFixture fixture) : IClassFixture<SeededFuzzServerFixture>
{
    [Fact]
    public async Task EveryPathParameter_GetsARealValue_ExceptWhereAFreshDemoHasNoSuchObject()
    {
        var operations = ApiFuzzTargets.Fuzzable(ApiFuzzer.Operations(fixture.OpenApi)).Where(o => o.Path.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.True(operations.Count > 50, $"{operations.Count} operations with path parameters");
        var missing = new List<string>();

        foreach (var operation in operations.Where(o => !ApiSeedBook.WithoutRealPathValues.ContainsKey(o.OperationId)))
        {
            // Operations that consume their object (a pending disposal, a token) get a fresh one before each case.
            var seed = fixture.Book.For(operation);
            var values = seed.BeforeEachCase is null ? seed.PathValues : (await seed.BeforeEachCase(CancellationToken.None)).PathValues;
            missing.AddRange(operation.Parameters.Where(p => p.In == "path" && !values.ContainsKey(p.Name)).Select(p => $"{operation.OperationId} {{{p.Name}}}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryReadOperationWithPathParameters_AnswersItsSeedWithSuccess()
    {
        var reads = ApiFuzzTargets.Fuzzable(ApiFuzzer.Operations(fixture.OpenApi))
            .Where(o => o.Method == "GET" && o.Path.Contains('{', StringComparison.Ordinal) && !ApiSeedBook.WithoutRealPathValues.ContainsKey(o.OperationId));
        var fuzzer = new ApiFuzzer(fixture.Http, 17);
        var refused = new List<string>();

        foreach (var operation in reads)
            foreach (var (status, answer) in await fuzzer.SendSeedsAsync(operation, fixture.Book.For(operation)))
                if (status >= 400) refused.Add($"{operation.OperationId}: {status} {answer}");

        Assert.Empty(refused);
    }

    [Theory]
    [InlineData("UpdateCase")] // the case's version, read before the call
    [InlineData("AddCaseNote")]
    [InlineData("UpdateCaseSubject")] // {subject} and the version
    [InlineData("AddLedgerEvent")] // a closed-list event kind from the server's enum
    [InlineData("ApproveLedgerEvent")] // a pending disposal recorded by a second user (four eyes)
    [InlineData("RejectLedgerEvent")]
    [InlineData("AddVictimLoss")] // {victimId} and a transaction of the demo chain
    [InlineData("SaveCaseTrace")]
    [InlineData("AnnotateCaseTrace")] // {id} is the trace, {nodeId} a node of its graph
    [InlineData("AttachCaseTraceAsEvidence")]
    [InlineData("AddCaseWatch")]
    [InlineData("RemoveCaseWatch")] // a fresh watch for each case
    [InlineData("AcknowledgeCaseAlert")] // an alert raised by an ingest
    [InlineData("DraftFromAlert")]
    [InlineData("SetRequestContent")] // the request's version
    [InlineData("SetRequestStatus")] // the request's own next status
    [InlineData("FindPaths")]
    [InlineData("TraceChain")]
    [InlineData("RevokeApiToken")]
    [InlineData("RevokeCaseShare")]
    public async Task SeedBodiesOfAWritingOperation_AreAcceptedByTheServer(string operationId)
    {
        var operation = fixture.Operation(operationId);
        var fuzzer = new ApiFuzzer(fixture.Http, 17);

        var answers = await fuzzer.SendSeedsAsync(operation, fixture.Book.For(operation));

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.True(a.Status is >= 200 and < 300, $"{operationId}: {a.Status} {a.Answer}"));
    }

    [Fact]
    public async Task FuzzingAVersionCheckedOperation_AcceptsCasesAfterAnAcceptedOne_BecauseTheVersionIsReadBeforeEachCase()
    {
        var operation = fixture.Operation("AddCaseNote");
        var fuzzer = new ApiFuzzer(fixture.Http, 17);

        var report = await fuzzer.RunAsync(fixture.OpenApi, operation, 100, fixture.Book.For(operation));

        Assert.Empty(report.Findings);
        Assert.True(report.Accepted >= 5, $"{report.Accepted} of 100 accepted");
    }
}
