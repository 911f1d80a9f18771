using Cairn.Core;
using Cairn.Legal.Reference;
using Cairn.Legal.Routing;

namespace Cairn.Legal.Tests.Routing;

/// <summary>Routes judged on a date: entry into force, suspensions, withdrawals, EU application dates, and bad dates.</summary>
public class DatedRouteTests
{
    private static RouteResult Find(string from, string to, string measure, DateOnly? on = null, LegalReference? reference = null) =>
        new RouteFinder(reference ?? TestData.Reference, new FixedTime(TestData.Now)).Find(new RouteQuery(from, to, measure, false, null, on));

    [Fact]
    public void HongKongSuspension_OfTheUsTreaty_TakesEffectOn20August2020()
    {
        // us-mlat.yaml: suspended by Hong Kong from 2020-08-20 (HKSAR notice to the US Consulate General).
        Assert.Contains(Find("US", "HK", "testimony", new DateOnly(2020, 8, 19)).Options, o => o.InstrumentId == "us-mlat");
        var after = Find("US", "HK", "testimony", new DateOnly(2020, 8, 20));
        Assert.DoesNotContain(after.Options, o => o.InstrumentId == "us-mlat");
        Assert.Contains(after.Notes, n => n.StartsWith("US bilateral MLAT is suspended for HK since 2020-08-20", StringComparison.Ordinal));
    }

    [Fact]
    public void Withdrawal_EndsTheStateBeingBound_OnItsEffectiveDate()
    {
        var untoc = TestData.Reference.Instrument("untoc");
        var withdrawn = untoc with
        {
            Parties = untoc.Parties.Select(p => p.State == "SG" ? p with { Withdrawal = new PartyWithdrawal(new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1), "test") } : p).ToList(),
        };
        var reference = new LegalReference(TestData.Reference.Jurisdictions, TestData.Reference.Instruments.Select(i => i.Id == "untoc" ? withdrawn : i));
        Assert.Contains(Find("NL", "SG", "freeze", new DateOnly(2026, 6, 30), reference).Options, o => o.InstrumentId == "untoc");
        var after = Find("NL", "SG", "freeze", new DateOnly(2026, 7, 1), reference);
        Assert.DoesNotContain(after.Options, o => o.InstrumentId == "untoc");
        Assert.Contains("SG withdrew from UNTOC, effective 2026-07-01", after.Notes);
    }

    [Fact]
    public void Eio_IsNotARoute_Before22May2017_Art36()
    {
        var before = Find("FR", "DE", "stored_content", new DateOnly(2017, 5, 21));
        Assert.DoesNotContain(before.Options, o => o.InstrumentId == "eio");
        Assert.Contains(before.Notes, n => n.StartsWith("EIO Directive applies only from 2017-05-22", StringComparison.Ordinal));
        Assert.Equal("eio", Find("FR", "DE", "stored_content", new DateOnly(2017, 5, 22)).Options[0].InstrumentId);
    }

    [Fact]
    public void StateNotInACompleteList_IsSaidNotToBeAParty()
    {
        // UNTOC list complete (192 parties on 2024-05-04): the Republic of the Congo signed only, Tuvalu is absent, and
        // Iran, a signatory then, ratified on 2025-08-06 (BOE-A-2025-26356), so it is not yet a party on that date.
        var congo = Find("FR", "CG", "testimony", new DateOnly(2024, 5, 4));
        Assert.Contains(congo.Notes, n => n.StartsWith("CG signed UNTOC on 2000-12-14 but has not consented to be bound", StringComparison.Ordinal));
        Assert.Contains("TV is not a party to UNTOC", Find("FR", "TV", "testimony", new DateOnly(2024, 5, 4)).Notes);
        Assert.Contains("UNTOC enters into force for IR only on 2025-09-05", Find("FR", "IR", "testimony", new DateOnly(2024, 5, 4)).Notes);
    }

    [Fact]
    public void TerritoryAbsentFromAListCompleteAsToStates_IsUnverifiedNotANonParty()
    {
        // UNTOC's complete list names States; China's application to Hong Kong is not recorded in it.
        var route = Find("US", "HK", "testimony");
        var untoc = Assert.Single(route.Options, o => o.RuleId == "untoc-art18");
        Assert.False(untoc.PartiesConfirmed);
        Assert.Contains(untoc.Unverified, u => u.Contains("HK is a territory", StringComparison.Ordinal));
        Assert.DoesNotContain("HK is not a party to UNTOC", route.Notes);
    }

    [Fact]
    public void EuropeanUnionAsAParty_BindsNoState()
    {
        Assert.Contains(TestData.Reference.Instrument("untoc").Parties, p => p.State == Memberships.EuropeanUnion);
        Assert.Throws<CairnException>(() => Find("EU", "DE", "testimony"));
    }

    [Theory]
    [InlineData("1949-12-31", "date 1949-12-31 for 'on' is before 1950-01-01")]
    [InlineData("2020-02-30", "malformed date '2020-02-30' for 'on': expected YYYY-MM-DD")]
    [InlineData("yesterday", "malformed date 'yesterday' for 'on'")]
    public void BadDate_IsAOneLineUserError(string text, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => RouteDate.Parse(text));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("on", error.Field);
        Assert.Equal("on", Assert.Throws<ValidationException>(() => Find("FR", "DE", "testimony", new DateOnly(1949, 12, 31))).Field);
    }
}
