using Cairn.Legal.Checking;
using Cairn.Legal.Reference;
using Cairn.TestSupport;

namespace Cairn.Legal.Tests.Reference;

/// <summary>`cairn legal check` over the embedded data, and the failures it must catch (one line each, naming the file).</summary>
public class LegalDataCheckerTests
{
    [Fact]
    public void EmbeddedData_PassesEveryCheck()
    {
        Assert.Empty(LegalDataChecker.Check(TestData.Reference));
    }

    [Fact]
    public void CompleteList_WhoseCountDiffersFromTheDepositary_Fails()
    {
        // UNTOC's list is complete with the depositary's 192 (UNTC XVIII-12, 2024-05-04): drop one party and the check must fail.
        var untoc = TestData.Reference.Instrument("untoc");
        Assert.Equal(192, PartyCount.On(untoc, untoc.Depositary!.CountAsOf, TestData.Reference));
        var short1 = untoc with { Parties = untoc.Parties.Where(p => p.State != "FR").ToList() };
        var problems = LegalDataChecker.Check(With(short1));
        var problem = Assert.Single(problems);
        Assert.Equal("instruments/untoc.yaml: 191 parties listed on 2024-05-04, but the depositary (Secretary-General of the United Nations) counts 192", problem);
    }

    [Fact]
    public void EveryCompleteListedInstrument_HoldsItsDepositaryCount()
    {
        foreach (var instrument in TestData.Reference.Instruments.Where(i => i.IsComplete && i.Membership == Memberships.Listed && i.Depositary is not null))
            Assert.True(instrument.Depositary!.Count == PartyCount.On(instrument, instrument.Depositary.CountAsOf, TestData.Reference), instrument.Id);
    }

    [Fact]
    public void PartyWithoutSource_DatesOutOfOrder_AndDuplicates_AreOneLineEach()
    {
        var budapest = TestData.Reference.Instrument("budapest");
        var france = budapest.Parties.First(p => p.State == "FR");
        var broken = budapest with
        {
            Parties = [.. budapest.Parties, france with { Source = null, InForce = new DateOnly(2005, 1, 1) }],
        };
        var problems = LegalDataChecker.Check(With(broken));
        Assert.Contains("instruments/budapest.yaml: FR is listed 2 times", problems);
        Assert.Contains("instruments/budapest.yaml: FR has no source", problems);
        Assert.Contains("instruments/budapest.yaml: FR in force (2005-01-01) before its consent was deposited (2006-01-10)", problems);
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void CoverageTableInTheDocs_MatchesTheData()
    {
        var docs = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "legal-data.md")).ReplaceLineEndings("\n");
        var start = docs.IndexOf(LegalCoverage.StartMarker, StringComparison.Ordinal);
        var end = docs.IndexOf(LegalCoverage.EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/legal-data.md has no generated coverage section");
        var inDocs = docs[start..(end + LegalCoverage.EndMarker.Length)] + "\n";
        Assert.Equal(LegalCoverage.Markdown(TestData.Reference).ReplaceLineEndings("\n"), inDocs);
    }

    [Fact]
    public void Coverage_CountsEuActsByRuleAndListsByTheirEntries()
    {
        var rows = LegalCoverage.Rows(TestData.Reference).ToDictionary(r => r.InstrumentId);
        Assert.Equal(25, rows["eio"].Listed); // 27 Member States less Denmark and Ireland
        Assert.Equal(192, rows["untoc"].Listed);
        Assert.Equal(192, rows["untoc"].DepositaryCount);
        Assert.True(LegalCoverage.Unverified(TestData.Reference).Values.Sum() > 0);
    }

    private static LegalReference With(Instrument replaced) =>
        new(TestData.Reference.Jurisdictions, TestData.Reference.Instruments.Select(i => i.Id == replaced.Id ? replaced : i), TestData.Reference.Forms);
}
