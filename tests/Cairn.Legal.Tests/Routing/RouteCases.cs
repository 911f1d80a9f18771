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
        if (expect.FirstRule is { } firstRule && route.Options.FirstOrDefault()?.RuleId != firstRule)
            failures.Add($"first rule is {route.Options.FirstOrDefault()?.RuleId ?? "none"}, expected {firstRule}");
        foreach (var missing in expect.Includes.Where(i => !found.Contains(i)))
            failures.Add($"{missing} is not among the options");
        foreach (var present in expect.Excludes.Where(found.Contains))
            failures.Add($"{present} is among the options");
        if (expect.None is true && route.LegalBases.Any())
            failures.Add("expected no instrument to bind, but options exist");
        if (expect.None is false && !route.LegalBases.Any())
            failures.Add("expected an instrument to bind, but none does");
        foreach (var (rule, expected) in expect.DualCriminality)
            if (Option(route, rule, failures) is { } option && option.DualCriminality.Rule != expected)
                failures.Add($"{rule}: dual criminality {option.DualCriminality.Rule}, expected {expected}");
        foreach (var (rule, expected) in expect.Addressee)
            if (Option(route, rule, failures) is { } option && !(option.Addressee?.Name ?? "").Contains(expected, StringComparison.OrdinalIgnoreCase))
                failures.Add($"{rule}: addressee '{option.Addressee?.Name}', expected one naming '{expected}'");
        foreach (var (rule, expected) in expect.Languages)
            if (Option(route, rule, failures) is { } option && !expected.All(option.Languages.Languages.Contains))
                failures.Add($"{rule}: languages [{string.Join(", ", option.Languages.Languages)}], expected [{string.Join(", ", expected)}]");
        foreach (var text in expect.NotesInclude.Where(t => !route.Notes.Any(n => n.Contains(t, StringComparison.Ordinal))))
            failures.Add($"no note says '{text}'");
        if (failures.Count > 0)
            failures.Add($"options: {string.Join(", ", route.Options.Select(o => $"{o.Rank}.{o.RuleId}"))}; notes: {string.Join(" | ", route.Notes)}");
        return failures;
    }

    private static RouteOption? Option(RouteResult route, string ruleId, List<string> failures)
    {
        var option = route.Options.FirstOrDefault(o => o.RuleId == ruleId);
        if (option is null) failures.Add($"rule {ruleId} is not among the options");
        return option;
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
