using Cairn.Cases.Agencies;

namespace Cairn.Cases.Statistics;

/// <summary>
/// The stored facts statistics are computed from (issue 18): legal requests and approved ledger events, of one agency
/// (<c>agency</c> given) or of every agency (null: the application allows it to auditors and administrators only). Logged as stats.read.
/// </summary>
public interface IStatisticsSource
{
    Task<StatisticsData> LoadAsync(Actor actor, string? agency, CancellationToken cancellationToken = default);
}
