using Cairn.Exchange.Delivery;
using Cairn.Storage;
using Cairn.Workspace.Exchange;

namespace Cairn.Server.Exchange;

/// <summary>
/// Drains the outbox in the background: every <see cref="PollInterval"/> it asks the application to
/// deliver the messages whose next attempt is due (each message's back-off lives in the outbox row,
/// so a restart resumes the schedule). Several server nodes on one PostgreSQL database: a pass is a
/// cluster-wide job (<see cref="ClusterJobLock"/>), so one node makes it while the others skip the
/// round; each message is claimed besides (<see cref="Cairn.Storage.Exchange.SqlOutbox.ClaimDueAsync"/>), so a
/// concurrent `cairn exchange deliver` never sends it twice either. Configuration:
/// <c>Exchange:RetryBaseMilliseconds</c>, <c>Exchange:RetryMaxSeconds</c>.
/// </summary>
public sealed partial class OutboxDeliveryService : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The job name of a courier pass (its advisory-lock key follows from it).</summary>
    public const string JobName = "exchange courier";

    private readonly ExchangeService _exchange;
    private readonly ClusterJobLock _job;
    private readonly TimeProvider _time;
    private readonly RetryPolicy _policy;
    private readonly ILogger<OutboxDeliveryService> _logger;

    public OutboxDeliveryService(ExchangeService exchange, CairnDatabase database, TimeProvider time, IConfiguration configuration, ILogger<OutboxDeliveryService> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _exchange = exchange;
        _job = new ClusterJobLock(database, JobName);
        _time = time;
        _logger = logger;
        _policy = new RetryPolicy(Random.Shared,
            TimeSpan.FromMilliseconds(configuration.GetValue("Exchange:RetryBaseMilliseconds", 2000)),
            TimeSpan.FromSeconds(configuration.GetValue("Exchange:RetryMaxSeconds", 1800)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                CourierPass? pass = null;
                await _job.TryRunAsync(async token => pass = await _exchange.DeliverIfInitialisedAsync(50, _policy, token).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                if (pass is { Attempted: > 0 })
                    LogPass(pass.Delivered, pass.Failed, pass.Expired, pass.Rejected);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is Core.CairnException or System.Data.Common.DbException)
            {
                LogFailure(ex.Message);
            }
            try
            {
                await Task.Delay(PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "outbox pass: {Delivered} delivered, {Failed} failed, {Expired} expired, {Rejected} rejected")]
    private partial void LogPass(int delivered, int failed, int expired, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "outbox pass failed: {Message}")]
    private partial void LogFailure(string message);
}
