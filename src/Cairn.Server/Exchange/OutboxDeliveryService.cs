using Cairn.Exchange.Delivery;
using Cairn.Storage;
using Cairn.Storage.Exchange;

namespace Cairn.Server.Exchange;

/// <summary>
/// Drains the outbox in the background: every <see cref="PollInterval"/> it delivers the messages
/// whose next attempt is due (each message's back-off lives in the outbox row, so a restart resumes
/// the schedule). Configuration: <c>Exchange:RetryBaseMilliseconds</c>, <c>Exchange:RetryMaxSeconds</c>.
/// </summary>
public sealed partial class OutboxDeliveryService : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly CairnDatabase _database;
    private readonly ExchangeNodeHolder _node;
    private readonly IHttpClientFactory _httpFactory;
    private readonly TimeProvider _time;
    private readonly RetryPolicy _policy;
    private readonly ILogger<OutboxDeliveryService> _logger;

    public OutboxDeliveryService(CairnDatabase database, ExchangeNodeHolder node, IHttpClientFactory httpFactory, TimeProvider time, IConfiguration configuration, ILogger<OutboxDeliveryService> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _database = database;
        _node = node;
        _httpFactory = httpFactory;
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
                if (_node.Identity is { } identity)
                {
                    var pass = await new OutboxCourier(_database, identity, _httpFactory.CreateClient(ExchangeServerExtensions.HttpClientName), _policy)
                        .DeliverDueAsync(50, stoppingToken).ConfigureAwait(false);
                    if (pass.Attempted > 0) LogPass(pass.Delivered, pass.Failed, pass.Expired, pass.Rejected);
                }
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
