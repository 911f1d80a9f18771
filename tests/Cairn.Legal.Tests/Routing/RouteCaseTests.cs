using Cairn.Legal.Routing;

namespace Cairn.Legal.Tests.Routing;

/// <summary>
/// The table-driven route cases delivered with the research data (route-cases/*.yaml): each is settled by
/// the source it names and runs against the embedded reference data.
/// </summary>
public class RouteCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, routeCase) in RouteCases.Cases) data.Add(file, routeCase.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RouteCase_AnswersAsItsSourceSays(string file, string id)
    {
        var routeCase = RouteCases.Get(file, id);
        var route = new RouteFinder(TestData.Reference, new FixedTime(TestData.Now)).Find(RouteCases.Query(routeCase));
        var departures = RouteCases.Departures(routeCase, route);
        if (routeCase.KnownFailure is { } reason)
            Assert.True(departures.Count > 0, $"{file}/{id} is marked known_failure ({reason}) but now holds: remove the mark");
        else
            Assert.True(departures.Count == 0, $"{file}/{id} ({routeCase.Source}): {string.Join("; ", departures)}");
    }

    [Fact]
    public void RouteCases_AreAtLeast150_OverAtLeast60States_EachWithASource()
    {
        var cases = RouteCases.Cases;
        Assert.True(cases.Count >= 150, $"{cases.Count} route cases");
        var states = cases.SelectMany(c => new[] { c.Case.From, c.Case.To }).Distinct().Count();
        Assert.True(states >= 60, $"{states} States in the route cases");
        Assert.All(cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Case.Source), $"{c.File}/{c.Case.Id} has no source"));
        Assert.Empty(cases.GroupBy(c => (c.File, c.Case.Id)).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void KnownFailures_AreFew_AndEachSaysWhy()
    {
        var marked = RouteCases.Cases.Where(c => c.Case.KnownFailure is not null).ToList();
        Assert.All(marked, c => Assert.True(c.Case.KnownFailure!.Length > 20, $"{c.File}/{c.Case.Id}: say why it fails"));
        Assert.True(marked.Count * 10 <= RouteCases.Cases.Count, $"{marked.Count} of {RouteCases.Cases.Count} cases are known failures");
    }
}
