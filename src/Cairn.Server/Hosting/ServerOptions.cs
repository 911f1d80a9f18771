using Cairn.Cases.Agencies;

namespace Cairn.Server.Hosting;

/// <summary>
/// How an installation starts: its data directory (index, evidence files, keys), the database
/// (null: the SQLite file in the data directory, or <c>CAIRN_DATABASE</c>), where to listen, and
/// the limits that protect it.
/// </summary>
public sealed record ServerOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>A <c>postgres://</c> URL or Npgsql connection string; null for the embedded SQLite default.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>Kestrel URLs, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Reviewed legal data to use instead of the built-in copy.</summary>
    public string? LegalDataDirectory { get; init; }

    /// <summary>Where new alerts are posted as JSON (null: <c>CAIRN_ALERT_WEBHOOK</c>, else nowhere).</summary>
    public string? AlertWebhookUrl { get; init; }

    /// <summary>Agency and roles of the admin created on first start.</summary>
    public string AdminAgency { get; init; } = "installation";

    public IReadOnlyList<Role> AdminRoles { get; init; } = [Role.Admin];

    public int LoginAttemptsPerMinute { get; init; } = 10;

    public int ApiRequestsPerSecond { get; init; } = 200;

    /// <summary>Node-to-node requests per second per client address on /exchange/v1 (token bucket, burst twice that).</summary>
    public int ExchangeRequestsPerSecond { get; init; } = 20;

    /// <summary>Default body limit (JSON); evidence uploads raise it per endpoint.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>How often the retention purge runs on its own (once across all nodes; docs/operations.md); zero turns it off.</summary>
    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Clock for tests; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }
}
