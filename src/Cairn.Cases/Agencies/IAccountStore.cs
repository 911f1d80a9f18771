using Cairn.Core.Paging;

namespace Cairn.Cases.Agencies;

/// <summary>
/// Sign-in accounts and API tokens. Every change is one transaction with its custody entry (account.*,
/// token.*), so an auditor can see who gave whom access; lookups for sign-in are plain reads.
/// </summary>
public interface IAccountStore
{
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    Task<UserAccount> CreateAsync(Actor by, UserAccount account, CancellationToken cancellationToken = default);

    /// <summary>The account of <paramref name="login"/>, or null.</summary>
    Task<UserAccount?> FindAsync(string login, CancellationToken cancellationToken = default);

    /// <summary>One page of the accounts of one agency (all agencies when null), by login.</summary>
    Task<Page<UserAccount>> ListAsync(string? agency, PageRequest page, CancellationToken cancellationToken = default);

    Task SetPasswordAsync(Actor by, string login, string passwordHash, bool mustChange, CancellationToken cancellationToken = default);

    Task SetDisabledAsync(Actor by, string login, bool disabled, CancellationToken cancellationToken = default);

    Task SetRolesAsync(Actor by, string login, IReadOnlyList<Role> roles, CancellationToken cancellationToken = default);

    /// <summary>Stores a new token; only <paramref name="secretHash"/> (SHA-256 hex of the secret) is kept.</summary>
    Task<ApiToken> CreateTokenAsync(Actor by, string id, string login, string name, string secretHash, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The token with <paramref name="id"/> and its stored secret hash, or null.</summary>
    Task<(ApiToken Token, string SecretHash)?> FindTokenAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>One page of a user's tokens, oldest first.</summary>
    Task<Page<ApiToken>> ListTokensAsync(string login, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs a failed sign-in ("auth.signin.failed") naming the attempted login only by its keyed hash
    /// (<see cref="FailedLoginKey"/>): the login field sometimes holds a password typed in the wrong
    /// place, and the custody log keeps what it is given forever.
    /// </summary>
    Task RecordFailedSignInAsync(string attemptedLogin, CancellationToken cancellationToken = default);

    /// <summary>The object id failed sign-ins with <paramref name="login"/> are logged under: <c>hmac-sha256:</c> and the HMAC of the login with the installation secret.</summary>
    string FailedLoginKey(string login);

    /// <summary>Revokes a token of <paramref name="by"/>'s own (or any, when <paramref name="anyOwner"/>: admins).</summary>
    Task RevokeTokenAsync(Actor by, string id, bool anyOwner, CancellationToken cancellationToken = default);
}
