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
    [InlineData("SetCaseStatus")] // session 11: a case of its own, moved between open and suspended
    [InlineData("MarkNotificationRead")] // an address hit notice: a partner agency's case names the ransom address
    [InlineData("RequestContactAfterAddressHit")]
    [InlineData("ValidateRequest")] // a ready request drafted and filled by the second user (four eyes)
    [InlineData("UploadEvidence")] // multipart/form-data: a file numbered per case, method and source
    [InlineData("VerifyEvidencePackage")] // multipart/form-data: the demo case's own package
    [InlineData("DraftRequests")] // the demo trace named, whatever traces the pass saved before
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

    [Fact]
    public async Task SetCaseStatus_ChangesTheStatusCase_AndLeavesTheDemoCaseOpen()
    {
        var operation = fixture.Operation("SetCaseStatus");
        var fuzzer = new ApiFuzzer(fixture.Http, 17);

        var report = await fuzzer.RunAsync(fixture.OpenApi, operation, 60, fixture.Book.For(operation));

        Assert.Empty(report.Findings);
        Assert.True(report.Accepted >= 1, $"{report.Accepted} of 60 accepted");
        var demo = System.Text.Json.Nodes.JsonNode.Parse(await fixture.Http.GetStringAsync(new Uri($"/api/v1/cases/{Cairn.Development.Demo.DemoPipeline.CaseReference}", UriKind.Relative)))!;
        Assert.Equal("open", demo["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task FuzzingAMultipartUpload_SendsFormsTheServerAccepts_AndMutatedOnesItRefusesWithProblems()
    {
        var operation = fixture.Operation("UploadEvidence");
        Assert.NotNull(operation.FormSchema);
        var fuzzer = new ApiFuzzer(fixture.Http, 17);

        var report = await fuzzer.RunAsync(fixture.OpenApi, operation, 200, fixture.Book.For(operation));

        Assert.Empty(report.Findings);
        // Most mutations of a text field or the file still make a valid upload; the file is numbered per case (no duplicate SHA-256).
        Assert.True(report.Accepted >= 20 && report.Refused >= 10, $"{report.Accepted} accepted, {report.Refused} refused of 200");
    }

    [Fact]
    public async Task FuzzingTheEvidenceExport_MovesToAFreshCaseWithTheDemoEvidence_EveryBlockOfCases()
    {
        var operation = fixture.Operation("ExportEvidencePackage");
        var before = await ExportCasesAsync();
        var fuzzer = new ApiFuzzer(fixture.Http, 17);
        fixture.Book.ExportsPerCase = 4;
        FuzzReport report;
        try
        {
            report = await fuzzer.RunAsync(fixture.OpenApi, operation, 10, fixture.Book.For(operation));
        }
        finally
        {
            fixture.Book.ExportsPerCase = 500;
        }

        // Ten cases in blocks of four cross at least two block boundaries (other tests may have counted an export case already);
        // a seeding failure would be a finding.
        Assert.Empty(report.Findings);
        Assert.True(report.Accepted >= 5, $"{report.Accepted} of 10 accepted");
        var fresh = (await ExportCasesAsync()).Except(before).ToList();
        Assert.True(fresh.Count >= 2, string.Join(", ", fresh));
        var demoFiles = await EvidenceHashesAsync(Cairn.Development.Demo.DemoPipeline.CaseReference);
        foreach (var reference in fresh)
        {
            Assert.Equal([demoFiles[0]], await EvidenceHashesAsync(reference));
            // A fresh case's package is a whole one: its file, the custody proofs and the installation's signature check out.
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await fixture.Http.GetByteArrayAsync(new Uri($"/api/v1/cases/{reference}/evidence/export", UriKind.Relative))), "package", "package.zip" } };
            using var checkedPackage = await fixture.Http.PostAsync(new Uri("/api/v1/evidence/verify", UriKind.Relative), form);
            var check = System.Text.Json.Nodes.JsonNode.Parse(await checkedPackage.Content.ReadAsStringAsync())!;
            Assert.True(check["valid"]!.GetValue<bool>() && check["key_pinned"]!.GetValue<bool>(), check.ToJsonString());
        }
    }

    private async Task<List<string>> ExportCasesAsync() =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(await fixture.Http.GetStringAsync(new Uri("/api/v1/cases?limit=200", UriKind.Relative)))!["items"]!.AsArray()
            .Select(c => c!["reference"]!.GetValue<string>()).Where(r => r.StartsWith("FUZZ-EXPORT-", StringComparison.Ordinal))];

    private async Task<List<string>> EvidenceHashesAsync(string reference) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(await fixture.Http.GetStringAsync(new Uri($"/api/v1/cases/{reference}/evidence", UriKind.Relative)))!["items"]!.AsArray()
            .Select(e => e!["item"]!["sha256"]!.GetValue<string>())];
}
