using System.Globalization;
using Cairn.Legal.Routing;
using Cairn.TestSupport;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cairn.Legal.Tests.Routing;

/// <summary>Reads tests/Cairn.Legal.Tests/Routing/route-cases/*.yaml and judges a case against the route finder.</summary>
internal static class RouteCases
{
    /// <summary>The date a case without `on` is judged on: the research data's as-of date.</summary>
    public static readonly DateOnly DefaultDate = new(2026, 12, 1);

    private static readonly Lazy<IReadOnlyList<(string File, RouteCase Case)>> All = new(Load);

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "tests", "Cairn.Legal.Tests", "Routing", "route-cases");

    public static IReadOnlyList<(string File, RouteCase Case)> Cases => All.Value;

    public static RouteCase Get(string file, string id) => Cases.Single(c => c.File == file && c.Case.Id == id).Case;

    public static RouteQuery Query(RouteCase routeCase) => new(routeCase.From, routeCase.To, routeCase.Measure, routeCase.Urgent, routeCase.Offence,
        routeCase.On is null ? DefaultDate : DateOnly.ParseExact(routeCase.On, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Every way the route answer departs from the case's expectation (empty: the case holds).</summary>
    public static List<string> Departures(RouteCase routeCase, RouteResult route)
    {
        var found = route.Options.Select(o => o.InstrumentId).Distinct().ToList();
        var failures = new List<string>();
        var expect = routeCase.Expect;
        if (expect.FirstInstrument is { } first && route.Options.FirstOrDefault()?.InstrumentId != first)
            failures.Add($"first instrument is {route.Options.FirstOrDefault()?.InstrumentId ?? "none"}, expected {first}");
        if (expect.FirstRule is { } rule && route.Options.FirstOrDefault()?.RuleId != rule)
            failures.Add($"first rule is {route.Options.FirstOrDefault()?.RuleId ?? "none"}, expected {rule}");
        foreach (var missing in expect.Includes.Where(i => !found.Contains(i)))
            failures.Add($"{missing} is not among the options");
        foreach (var present in expect.Excludes.Where(found.Contains))
            failures.Add($"{present} is among the options");
        if (expect.None is true && route.LegalBases.Any())
            failures.Add("expected no instrument to bind, but options exist");
        if (expect.None is false && !route.LegalBases.Any())
            failures.Add("expected an instrument to bind, but none does");
        if (failures.Count > 0)
            failures.Add($"options: {string.Join(", ", route.Options.Select(o => $"{o.Rank}.{o.RuleId}"))}; notes: {string.Join(" | ", route.Notes)}");
        return failures;
    }

    private static List<(string File, RouteCase Case)> Load()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var cases = new List<(string, RouteCase)>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            foreach (var routeCase in deserializer.Deserialize<List<RouteCase>>(File.ReadAllText(path)) ?? [])
                cases.Add((file, routeCase));
        }
        return cases;
    }
}
