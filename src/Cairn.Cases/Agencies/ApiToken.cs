namespace Cairn.Cases.Agencies;

/// <summary>
/// A token for scripts, acting as <see cref="Login"/>. Only the SHA-256 of the secret is stored;
/// the secret is shown once at creation.
/// </summary>
public sealed record ApiToken(string Id, string Login, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
