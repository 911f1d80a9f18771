using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Custody;

public class CustodySearchTests
{
    [DatabaseTheory]
    public async Task Search_ByCaseReference_FindsTheCaseAndRefusalsNamingIt_OnlyForTheAgencyThatMayAudit(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await new SqlCaseStore(test.Database).CreateAsync(TestDatabase.Alice, new NewCase("C_1", "Pig butchering", "fraud"));
        var log = new SqlCustodyLog(test.Database);
        await log.AppendAsync(new CustodyRecord(TestDatabase.Bruno, "access.refused", "http", "GET /api/v1/cases/C_1/ledger", ""));
        await log.AppendAsync(new CustodyRecord(TestDatabase.Bruno, "access.refused", "http", "GET /api/v1/cases/CX1", ""));
        await log.AppendAsync(new CustodyRecord(TestDatabase.Bruno, "case.read", "case", "someone-elses-case", ""));

        var ukHits = await log.SearchAsync(TestDatabase.Alice.Agency, new CustodySearch(CaseReference: "C_1"), new PageRequest(0, 50));
        var actions = ukHits.Items.Select(h => (h.Entry.Action, h.Entry.ObjectId)).ToList();
        Assert.Contains(("access.refused", "GET /api/v1/cases/C_1/ledger"), actions);
        Assert.DoesNotContain(("access.refused", "GET /api/v1/cases/CX1"), actions);
        Assert.Equal("C_1", ukHits.Items.Single(h => h.Entry.Action == "case.create").CaseReference);
        Assert.True(ukHits.Items[0].Entry.Sequence > ukHits.Items[^1].Entry.Sequence, "newest first");

        var refusals = await log.SearchAsync(TestDatabase.Alice.Agency, new CustodySearch(CaseReference: "C_1", User: "bruno", Action: "access"), new PageRequest(0, 50));
        Assert.Equal(1, refusals.Total);
        var germanView = await log.SearchAsync(TestDatabase.Bruno.Agency, new CustodySearch(CaseReference: "C_1"), new PageRequest(0, 50));
        Assert.All(germanView.Items, h => Assert.Equal("bka-de", h.Entry.Agency));
        var ukWithoutCase = await log.SearchAsync(TestDatabase.Alice.Agency, new CustodySearch(From: DateTimeOffset.UtcNow.AddDays(-1)), new PageRequest(0, 50));
        Assert.DoesNotContain(ukWithoutCase.Items, h => h.Entry.ObjectId == "someone-elses-case");
    }
}
