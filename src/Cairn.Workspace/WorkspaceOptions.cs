namespace Cairn.Workspace;

/// <summary>
/// One installation as the application sees it: the data directory (database file, chain indexes,
/// evidence files, keys), the database (null: <c>CAIRN_DATABASE</c>, else SQLite in the data
/// directory), the reviewed legal data to use instead of the built-in copy, and the clock.
/// </summary>
public sealed record WorkspaceOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>A <c>postgres://</c> URL or Npgsql connection string; null for <c>CAIRN_DATABASE</c> or the embedded SQLite default.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>Reviewed legal data directory; null for the built-in copy (data/legal).</summary>
    public string? LegalDataDirectory { get; init; }

    /// <summary>Clock for tests; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Where every new alert is posted as JSON (null: <c>CAIRN_ALERT_WEBHOOK</c>, else nowhere).</summary>
    public string? AlertWebhookUrl { get; init; }

    /// <summary>Agency named in the custody log for reads the installation does on its own (the shared intelligence snapshot).</summary>
    public string InstallationAgency { get; init; } = "installation";
}
