using Cairn.Workspace.Retention;

namespace Cairn.Server.Hosting;

/// <summary>
/// Runs the retention purge on a schedule (<see cref="ServerOptions.PurgeInterval"/>, default daily; zero turns it off): it
/// waits one check period after start (a server started for a moment purges nothing), then every check period asks
/// <see cref="ScheduledPurge"/>, which purges when the last purge is an interval old, once across all nodes. Each purge is
/// logged in the custody log as a manual one is, and in the server log with its counts.
/// </summary>
public sealed partial class ScheduledPurgeService : BackgroundService
{
    /// <summary>How often a node asks whether a purge is due (at most; a shorter interval asks as often as it is long).</summary>
    public static readonly TimeSpan MaxCheckPeriod = TimeSpan.FromMinutes(15);

    private readonly ScheduledPurge _purge;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduledPurgeService> _logger;

    public ScheduledPurgeService(ScheduledPurge purge, ServerOptions options, TimeProvider time, ILogger<ScheduledPurgeService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _purge = purge;
        _interval = options.PurgeInterval;
        _time = time;
        _logger = logger;
    }

    /// <summary>How long a node waits between two questions.</summary>
    public static TimeSpan CheckPeriodOf(TimeSpan interval) => interval < MaxCheckPeriod ? interval : MaxCheckPeriod;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_interval <= TimeSpan.Zero)
        {
            LogOff();
            return;
        }
        var period = CheckPeriodOf(_interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, _time, stoppingToken).ConfigureAwait(false);
                var report = await _purge.RunIfDueAsync(_interval, stoppingToken).ConfigureAwait(false);
                if (report is not null)
                    LogPurge(report.Id, report.Total, string.Join(", ", report.Items.Select(i => $"{i.DataClass} {i.Count} in {i.Cases} case(s)")), report.HeldCases);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is Core.CairnException or System.Data.Common.DbException or IOException)
            {
                LogFailure(ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled retention purge {Id}: {Total} item(s) deleted ({Classes}); {Held} due case(s) kept on legal hold")]
    private partial void LogPurge(string id, int total, string classes, int held);

    [LoggerMessage(Level = LogLevel.Warning, Message = "scheduled retention purge failed: {Message}")]
    private partial void LogFailure(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled retention purge is off (interval 0)")]
    private partial void LogOff();
}
