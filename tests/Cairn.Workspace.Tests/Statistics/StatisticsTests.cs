using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Legal.Requests;
using Cairn.Workspace.Administration;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Ledger;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Statistics;
using Cairn.Workspace.Victims;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Tests.Statistics;

/// <summary>
/// Statistics from stored data (docs/statistics.md) over <see cref="StatisticsFixture"/>'s generated cases: the agency figures equal the
/// generator's own counts; the public report reveals no reference, name, address, agency or id, publishes no cell about fewer than N
/// cases, and leaves no suppressed cell alone beside a published total.
/// </summary>
public sealed class StatisticsTests(StatisticsFixture fixture) : IClassFixture<StatisticsFixture>
{
    private const int MinCell = 5;
    private readonly ServiceProvider _services = fixture.Services;
    private readonly IReadOnlyList<StatisticsFixture.Generated> _generated = fixture.Cases;
    private readonly IReadOnlyList<string> _secrets = fixture.Secrets;

    [Fact]
    public async Task AgencyFigures_AreTheGeneratedCounts_AndAnAgencySeesOnlyItsOwn()
    {
        var stats = _services.GetRequiredService<StatisticsService>();
        var report = await stats.GetAsync(new Actor("pros-pnf-fr", "pnf-fr"), new StatisticsQuery(By: "year"));

        Assert.Equal("pnf-fr", report.Scope);
        Assert.All(report.Requests, r => Assert.Equal("pnf-fr", r.Agency));
        var mine = _generated.Where(g => g.Agency == "pnf-fr").ToList();
        var de = report.Requests.Single(r => r.State == "DE");
        var generatedDe = mine.Where(g => g.State == "DE").ToList();
        Assert.Equal(generatedDe.Count, de.Requests);
        foreach (var status in new[] { "sent", "acknowledged", "executed", "refused" })
            Assert.Equal(generatedDe.Count(g => g.Status == status), de.ByStatus.SingleOrDefault(s => s.Status == status)?.Count ?? 0);
        Assert.Equal(Median(generatedDe.Select(g => g.AckDays)), de.MedianDaysToAcknowledgement);
        Assert.Equal(Median(generatedDe.Select(g => g.ExecDays)), de.MedianDaysToExecution);
        var btc = report.Amounts.Where(a => a.Token == "BTC").ToList();
        Assert.Equal(Sum(mine.Select(g => g.Frozen)), Sum(btc.Select(a => BigInteger.Parse(a.Measures.Single(m => m.Measure == "frozen").BaseUnits, CultureInfo.InvariantCulture))));
        Assert.Equal(Sum(mine.Select(g => g.Returned)), Sum(btc.Select(a => BigInteger.Parse(a.Measures.Single(m => m.Measure == "returned").BaseUnits, CultureInfo.InvariantCulture))));
        Assert.Contains("no BTC/EUR rate", btc[0].Measures[0].NoRate, StringComparison.Ordinal);

        var all = await stats.GetAsync(new Actor("auditor", "pnf-fr"), new StatisticsQuery(By: "year"));
        Assert.Equal(["parquet-be", "pnf-fr"], all.Requests.Select(r => r.Agency).Distinct().Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<ForbiddenException>(() => stats.GetAsync(new Actor("pros-pnf-fr", "pnf-fr"), new StatisticsQuery(Agency: "parquet-be")));
        var bad = await Assert.ThrowsAsync<ValidationException>(() => stats.GetAsync(new Actor("pros-pnf-fr", "pnf-fr"), new StatisticsQuery(By: "week")));
        Assert.Equal("by", bad.Field);
    }

    [Theory]
    [InlineData(MinCell, "month")]
    [InlineData(MinCell, "quarter")]
    [InlineData(8, "year")]
    public async Task PublicReport_RevealsNoCase_SuppressesSmallCells_AndTotalsDoNotRevealThem(int minCell, string by)
    {
        var report = await _services.GetRequiredService<StatisticsService>().GetPublicAsync(new Actor("auditor", "pnf-fr"), new StatisticsQuery(By: by), minCell);
        var json = JsonSerializer.Serialize(report);
        var csv = StatisticsCsv.Of(report);
        foreach (var secret in _secrets.Distinct())
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, csv, StringComparison.OrdinalIgnoreCase);
        }
        var hidden = "<" + minCell.ToString(CultureInfo.InvariantCulture);
        var requests = report.Tables.Single(t => t.Name == "requests");
        var suppressedSomething = false;
        foreach (var row in requests.Rows)
        {
            // The generator knows how many cases each row is about: a row of fewer than N says nothing.
            var cases = _generated.Where(g => g.State == row.Labels[0] && StatisticsPeriod.Key(g.Sent, by) == row.Labels[2]).ToList();
            if (cases.Count < minCell) Assert.All(row.Cells, c => Assert.Equal(hidden, c));
            for (var c = 1; c < requests.Columns.Count; c++)
            {
                var status = requests.Columns[c];
                if (row.Cells[c] == hidden) { suppressedSomething = true; continue; }
                var counted = status.StartsWith("median", StringComparison.Ordinal) ? -1 : cases.Count(g => g.Status == status);
                if (counted > 0) Assert.True(counted >= minCell, $"{string.Join("/", row.Labels)} {status}: {counted} cases published");
                if (counted >= 0) Assert.Equal(counted.ToString(CultureInfo.InvariantCulture), row.Cells[c]);
            }
        }
        Assert.True(suppressedSomething, "the generated data has small cells: something must be suppressed");
        foreach (var table in report.Tables)
            foreach (var column in table.AdditiveColumns.Select(c => table.Columns.ToList().IndexOf(c)))
                foreach (var total in table.Totals)
                {
                    var members = table.Rows.Where(r => r.Group == total.Group).Select(r => r.Cells[column]).ToList();
                    if (total.Cells[column] == hidden) continue;
                    // One equation (members add up to the total): with two or more unknowns none of them is determined.
                    Assert.NotEqual(1, members.Count(m => m == hidden));
                    if (members.All(m => m != hidden))
                        Assert.Equal(BigInteger.Parse(total.Cells[column], CultureInfo.InvariantCulture), Sum(members.Select(m => BigInteger.Parse(m, CultureInfo.InvariantCulture))));
                    foreach (var m in members.Where(m => m != hidden))
                        Assert.True(BigInteger.Parse(m, CultureInfo.InvariantCulture) <= BigInteger.Parse(total.Cells[column], CultureInfo.InvariantCulture));
                }
        Assert.DoesNotContain("missing translation", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicReport_RefusesAThresholdBelowTwo()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _services.GetRequiredService<StatisticsService>().GetPublicAsync(new Actor("auditor", "pnf-fr"), new StatisticsQuery(), 1));
        Assert.Equal("min_cell", error.Field);
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        if (sorted.Length == 0) return null;
        return Math.Round(sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2, 1);
    }

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (a, b) => a + b);

}
