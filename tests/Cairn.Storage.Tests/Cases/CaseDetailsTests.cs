using Cairn.Cases.Cases;
using Cairn.Storage.Cases;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Cases;

/// <summary>The case details of migration 010 round-trip on both databases: offence description, status reason and history, subjects with role and identifiers.</summary>
public class CaseDetailsTests
{
    [DatabaseTheory]
    public async Task SubjectsWithIdentifiers_StatusHistory_AndOffenceDetail_RoundTrip(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var store = new SqlCaseStore(test.Database);
        var created = await store.CreateAsync(TestDatabase.Alice, new NewCase("C-1", "Romance scam", "other", "romance scam with crypto pay-outs"));
        var now = test.Time.GetUtcNow();
        var changed = created with
        {
            Subjects =
            [
                new CaseSubject(SubjectKind.Person, "Jan de Vries", "cash-out mule") { Id = "s-1", Role = SubjectRole.Suspect, Identifiers = [new("passport", "NX1234567"), new("iban", "NL91ABNA0417164300")] },
                new CaseSubject(SubjectKind.Organisation, "Example Exchange B.V.", "VASP") { Id = "s-2", Role = SubjectRole.Witness },
            ],
            Status = CaseStatus.Suspended,
            StatusReason = "waiting for the reply from NL",
            StatusChanges = [new CaseStatusChange(CaseStatus.Suspended, "waiting for the reply from NL", now, "alice", "nca-uk")],
        };
        await store.UpdateAsync(TestDatabase.Alice, changed);

        var loaded = await store.GetAsync(TestDatabase.Alice, "C-1");

        Assert.Equal(("other", "romance scam with crypto pay-outs"), (loaded.OffenceType, loaded.OffenceDetail));
        Assert.Equal((CaseStatus.Suspended, "waiting for the reply from NL"), (loaded.Status, loaded.StatusReason));
        Assert.Equal(changed.StatusChanges, loaded.StatusChanges);
        Assert.Equal(["s-1", "s-2"], loaded.Subjects.Select(s => s.Id));
        Assert.Equal([SubjectRole.Suspect, SubjectRole.Witness], loaded.Subjects.Select(s => s.Role));
        Assert.Equal(changed.Subjects[0].Identifiers, loaded.Subjects[0].Identifiers);
        Assert.Empty(loaded.Subjects[1].Identifiers);
    }
}
