using System.Net;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>Routes on a date (on), the reference-data check and coverage, and drafting a case's request on a chosen route.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class LegalRoutesApiTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task Routes_On_JudgesThePartiesOnThatDate_AndCarriesAddresseeAndLanguages()
    {
        using var admin = await fixture.AdminAsync();
        // Japan is bound by ETS 185 from 2012-11-01 (MOFA Japan 2012-07-04).
        var before = await admin.GetJsonAsync("/api/v1/routes?from=FR&to=JP&measure=preservation&on=2012-10-31");
        Assert.Equal("2012-10-31", before["as_of"]!.GetValue<string>());
        Assert.DoesNotContain(before["options"]!.AsArray(), o => o!["instrument_id"]!.GetValue<string>() == "budapest");
        var poland = await admin.GetJsonAsync("/api/v1/routes?from=DE&to=PL&measure=testimony&on=2026-12-01");
        var untoc = poland["options"]!.AsArray().First(o => o!["rule_id"]!.GetValue<string>() == "untoc-art18")!;
        Assert.Contains("Ministry of Justice", untoc["addressee"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["pol", "eng"], untoc["languages"]!["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Theory]
    [InlineData("DE", "testimony", "1949-12-31", "on", "date 1949-12-31 for 'on' is before 1950-01-01")]
    [InlineData("DE", "testimony", "tomorrow", "on", "malformed date 'tomorrow' for 'on'")]
    [InlineData("XX", "testimony", "2026-12-01", "to", "unknown state code 'XX'")]
    [InlineData("DE", "teleport", "2026-12-01", "measure", "unknown measure 'teleport'")]
    public async Task Routes_BadParameter_IsAValidationProblemKeyedByIt(string to, string measure, string on, string field, string expected)
    {
        using var admin = await fixture.AdminAsync();
        var response = await admin.GetAsync($"/api/v1/routes?from=FR&to={to}&measure={measure}&on={on}");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith(expected, response.Json["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegalCheckAndCoverage_AnswerFromTheReferenceData()
    {
        using var admin = await fixture.AdminAsync();
        var check = await admin.GetJsonAsync("/api/v1/legal/check");
        Assert.Empty(check["problems"]!.AsArray());
        Assert.True(check["passes"]!.GetValue<bool>());
        var coverage = await admin.GetJsonAsync("/api/v1/legal/coverage");
        Assert.Contains(coverage["instruments"]!.AsArray(), r => r!["instrument_id"]!.GetValue<string>() == "egmont" && r["depositary_count"]!.GetValue<int>() == 182);
    }

    [Fact]
    public async Task DraftOnAChosenRoute_OnlyForTheRequestedState()
    {
        using var prosecutor = await fixture.SignInAsync("pros");
        var routes = await prosecutor.GetJsonAsync("/api/v1/routes?from=NL&to=US&measure=freeze");
        var chosen = routes["options"]!.AsArray().Last(o => !o!["informal"]!.GetValue<bool>())!["rule_id"]!.GetValue<string>();
        // The demo's own trace (the oldest) reaches the United States.
        var traces = await prosecutor.GetJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/traces");
        var demoTrace = traces["items"]!.AsArray().Last()!["id"]!.GetValue<string>();
        var drafted = await prosecutor.PostJsonAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/requests/draft",
            new { trace_id = demoTrace, from = "NL", to = "US", measures = new[] { "freeze" }, rule_id = chosen, acknowledge_overlap = true }); // the demo case already has a freeze request to the US (deconfliction)
        var draft = Assert.Single(drafted["drafts"]!.AsArray())!;
        Assert.Equal("US", draft["requested_state"]!.GetValue<string>());
        Assert.Equal(chosen, draft["rule_id"]!.GetValue<string>());
        Assert.Empty(drafted["unroutable"]!.AsArray());
    }

    [Fact]
    public async Task DraftRequests_NullMeasureInTheList_IsAValidationProblemNamingItsPlace()
    {
        using var prosecutor = await fixture.SignInAsync("pros");

        // Found by the API fuzz pass of session 11 (issue 17): a 500 out of the measure parser.
        var response = await prosecutor.PostAsync($"/api/v1/cases/{DemoPipeline.CaseReference}/requests/draft",
            new { from = "NL", measures = new string?[] { "freeze", null }, acknowledge_overlap = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("item 2 of 'measures' is null", response.Json["errors"]!["measures[1]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
