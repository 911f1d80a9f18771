using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;

namespace Cairn.Workspace.Administration;

/// <summary>
/// Accounts, passwords and API tokens. Passwords are hashed with <see cref="PasswordHashing"/>
/// (PBKDF2-HMAC-SHA512, 100,000 iterations, per-password salt; ASP.NET Core Identity's v3 format);
/// API tokens are <c>cairn_&lt;id&gt;_&lt;secret&gt;</c> with 32 random bytes of secret, of which only the
/// SHA-256 is stored. Neither a password nor a token secret is ever logged. Sign-ins, failed
/// sign-ins and sign-outs are custody-log entries.
/// </summary>
public sealed class AccountService
{
    public const int MinimumPasswordLength = 12;
    private const string TokenPrefix = "cairn_";
    private static readonly Actor Installation = new("installation", "installation");

    private readonly IAccountStore _store;
    private readonly IAgencyStore _agencies;
    private readonly ICustodyLog _log;
    private readonly TimeProvider _time;
    private readonly string _dummyHash = PasswordHashing.Hash("not a password of anyone");

    // Every API call and every cookie request needs the account (and token) behind it; reading them
    // from the database each time cost more than most requests. Changes made through this service
    // drop the cached copies at once; other server nodes sharing the database see them within
    // CacheLifetime.
    private readonly ConcurrentDictionary<string, (UserAccount? Account, DateTimeOffset At)> _accountCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ((ApiToken Token, string SecretHash)? Found, DateTimeOffset At)> _tokenCache = new(StringComparer.Ordinal);

    // Bumped by every change before its cached copy is dropped: a read that fetched the account before the change
    // committed and stores it after the drop sees the bump and drops its own stale copy (otherwise a disabled
    // account's session could live on for CacheLifetime on this very node).
    private long _changes;

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    public AccountService(IAccountStore store, IAgencyStore agencies, ICustodyLog log, TimeProvider time)
    {
        _store = store;
        _agencies = agencies;
        _log = log;
        _time = time;
    }

    /// <summary>Drops the cached copy of a changed account (after the change is committed).</summary>
    private void Forget(string login)
    {
        Interlocked.Increment(ref _changes);
        _accountCache.TryRemove(login, out _);
    }

    /// <summary>The account of <paramref name="login"/> (null when none), at most <see cref="CacheLifetime"/> old.</summary>
    public async Task<UserAccount?> FindAsync(string login, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (_accountCache.TryGetValue(login, out var cached) && now - cached.At < CacheLifetime) return cached.Account;
        var changes = Interlocked.Read(ref _changes);
        var account = await _store.FindAsync(login, cancellationToken).ConfigureAwait(false);
        _accountCache[login] = (account, now);
        if (Interlocked.Read(ref _changes) != changes) _accountCache.TryRemove(login, out _);
        return account;
    }

    /// <summary>One page of the accounts of an agency (all when null).</summary>
    public async Task<Page<AccountView>> ListAsync(string? agency, PageRequest page, CancellationToken cancellationToken = default) =>
        (await _store.ListAsync(agency, page, cancellationToken).ConfigureAwait(false)).Map(AccountView.Of);

    /// <summary>Creates an account with a one-time password that must be changed at first sign-in.</summary>
    public async Task<CreatedAccount> CreateAsync(Actor by, NewAccountRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var login = ValidationException.Required(request.Login, "login");
        var agency = ValidationException.Required(request.Agency, "agency");
        var roles = ParseRoles(request.Roles);
        if (await _agencies.FindAsync(agency, cancellationToken).ConfigureAwait(false) is null)
            throw new ValidationException("agency", $"agency '{agency}' is not in the registry: register it first");
        var password = NewSecret(15);
        var created = await CreateAsync(by, login, agency, request.DisplayName ?? "", roles, password, mustChange: true, cancellationToken).ConfigureAwait(false);
        return new CreatedAccount(AccountView.Of(created), password);
    }

    public async Task SetRolesAsync(Actor by, string login, RolesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _store.SetRolesAsync(by, login, ParseRoles(request.Roles), cancellationToken).ConfigureAwait(false);
        Forget(login);
    }

    public async Task SetDisabledAsync(Actor by, string login, bool disabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (disabled && login == by.User) throw new ValidationException("login", "you cannot disable your own account");
        await _store.SetDisabledAsync(by, login, disabled, cancellationToken).ConfigureAwait(false);
        Forget(login);
    }

    /// <summary>
    /// On an installation without accounts, creates <c>admin</c> of <paramref name="agency"/> with a
    /// random one-time password (returned, to be printed once) that must be changed at first
    /// sign-in. Returns null when accounts exist: there is never a default password.
    /// </summary>
    public async Task<string?> BootstrapAsync(string agency, IReadOnlyList<Role> roles, CancellationToken cancellationToken = default)
    {
        if (await _store.CountAsync(cancellationToken).ConfigureAwait(false) > 0) return null;
        if (await _agencies.FindAsync(agency, cancellationToken).ConfigureAwait(false) is null)
            await _agencies.RegisterAsync(Installation, new Agency(agency, agency, "", null), cancellationToken).ConfigureAwait(false);
        var password = NewSecret(15);
        await CreateAsync(Installation, "admin", agency, "Administrator", roles, password, mustChange: true, cancellationToken).ConfigureAwait(false);
        return password;
    }

    public async Task<UserAccount> CreateAsync(Actor by, string login, string agency, string displayName, IReadOnlyList<Role> roles, string password, bool mustChange, CancellationToken cancellationToken = default)
    {
        RequireStrong(password, "password");
        var account = new UserAccount
        {
            Login = login, Agency = agency, DisplayName = string.IsNullOrWhiteSpace(displayName) ? login : displayName.Trim(), Roles = roles,
            PasswordHash = PasswordHashing.Hash(password), MustChangePassword = mustChange, CreatedAt = _time.GetUtcNow(),
        };
        return await _store.CreateAsync(by, account, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account when <paramref name="password"/> is right and the account enabled; else null (same work either way, so timing does not reveal which logins exist).</summary>
    public async Task<UserAccount?> VerifyPasswordAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        var account = string.IsNullOrWhiteSpace(login) ? null : await _store.FindAsync(login.Trim(), cancellationToken).ConfigureAwait(false);
        var matches = PasswordHashing.Verify(account?.PasswordHash ?? _dummyHash, password ?? "");
        if (account is null || account.Disabled || !matches) return null;
        return account;
    }

    /// <summary>
    /// Checks a sign-in and logs it: "auth.signin" for the account, or "auth.signin.failed" by
    /// "anonymous" naming the attempted login only by its keyed hash (HMAC-SHA256 with the
    /// installation secret, <see cref="FailedLoginKey"/>), never in clear (issue 17).
    /// </summary>
    public async Task<UserAccount?> SignInAsync(string? login, string? password, CancellationToken cancellationToken = default)
    {
        var name = login?.Trim() ?? "";
        var account = await VerifyPasswordAsync(name, password ?? "", cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            await _store.RecordFailedSignInAsync(name, cancellationToken).ConfigureAwait(false);
            return null;
        }
        await _log.AppendAsync(new CustodyRecord(account.Actor, "auth.signin", "account", account.Login, ""), cancellationToken).ConfigureAwait(false);
        return account;
    }

    /// <summary>The object id under which failed sign-ins with <paramref name="login"/> are logged (object type "login"), for an auditor looking for attempts on one account.</summary>
    public string FailedLoginKey(string login) => _store.FailedLoginKey(login);

    public Task SignOutAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _log.AppendAsync(new CustodyRecord(actor, "auth.signout", "account", actor.User, ""), cancellationToken);
    }

    public async Task<UserAccount> ChangePasswordAsync(Actor actor, PasswordChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var current = change.CurrentPassword ?? "";
        var next = change.NewPassword ?? "";
        _ = await VerifyPasswordAsync(actor.User, current, cancellationToken).ConfigureAwait(false)
            ?? throw new ValidationException("current_password", "the current password is wrong");
        if (current == next) throw new ValidationException("new_password", "the new password must differ from the current one");
        RequireStrong(next, "new_password");
        await _store.SetPasswordAsync(actor, actor.User, PasswordHashing.Hash(next), mustChange: false, cancellationToken).ConfigureAwait(false);
        Forget(actor.User);
        return await FindAsync(actor.User, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException($"no account '{actor.User}'");
    }

    /// <summary>One page of the user's own API tokens.</summary>
    public Task<Page<ApiToken>> ListTokensAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _store.ListTokensAsync(actor.User, page, cancellationToken);
    }

    /// <summary>One page of the API tokens of <paramref name="login"/> (for admins), never their secrets.</summary>
    public Task<Page<ApiToken>> ListTokensOfAsync(string login, PageRequest page, CancellationToken cancellationToken = default) =>
        _store.ListTokensAsync(ValidationException.Required(login, "login"), page, cancellationToken);

    /// <summary>Creates an API token for the actor; the returned secret is the only copy.</summary>
    public async Task<CreatedToken> CreateTokenAsync(Actor actor, TokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var name = ValidationException.Required(request.Name, "name");
        var validDays = request.ValidDays ?? 90;
        if (validDays is < 1 or > 3650) throw new ValidationException("valid_days", $"token validity {validDays} days is out of range 1–3650");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = await _store.CreateTokenAsync(actor, id, actor.User, name, HashOf(secret), _time.GetUtcNow().AddDays(validDays), cancellationToken).ConfigureAwait(false);
        return new CreatedToken(token.Id, token.Name, token.ExpiresAt, $"{TokenPrefix}{id}_{secret}", "shown once: store it now");
    }

    /// <summary>Revokes a token of the actor's own (or any, when <paramref name="anyOwner"/>: admins).</summary>
    public async Task RevokeTokenAsync(Actor by, string id, bool anyOwner, CancellationToken cancellationToken = default)
    {
        await _store.RevokeTokenAsync(by, id, anyOwner, cancellationToken).ConfigureAwait(false);
        _tokenCache.TryRemove(id, out _);
    }

    /// <summary>The account a presented token acts for, or null when it is malformed, unknown, revoked, expired or its account disabled.</summary>
    public async Task<UserAccount?> ValidateTokenAsync(string presented, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (!presented.StartsWith(TokenPrefix, StringComparison.Ordinal)) return null;
        var parts = presented[TokenPrefix.Length..].Split('_');
        if (parts.Length != 2 || parts[0].Length != 16 || parts[1].Length != 64) return null;
        var now = _time.GetUtcNow();
        if (!_tokenCache.TryGetValue(parts[0], out var cached) || now - cached.At >= CacheLifetime)
        {
            cached = (await _store.FindTokenAsync(parts[0], cancellationToken).ConfigureAwait(false), now);
            _tokenCache[parts[0]] = cached;
        }
        if (cached.Found is not { } pair) return null;
        var expected = Convert.FromHexString(pair.SecretHash);
        if (!CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.ASCII.GetBytes(parts[1])))) return null;
        if (!pair.Token.IsValidAt(now)) return null;
        var account = await FindAsync(pair.Token.Login, cancellationToken).ConfigureAwait(false);
        return account is { Disabled: false } ? account : null;
    }

    public static void RequireStrong(string password, string field)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            throw new ValidationException(field, $"password too short: at least {MinimumPasswordLength} characters");
    }

    /// <summary>Role names as given (any case, '_' ignored) checked against <see cref="Role"/>; at least one.</summary>
    public static IReadOnlyList<Role> ParseRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0) throw new ValidationException("roles", "field 'roles' needs at least one of " + string.Join(", ", Enum.GetNames<Role>()));
        // A JSON body can hold null in the list ("roles": [null]): refused on one line, not a 500 (found by the API fuzz pass, issue 17).
        return roles.Select((r, i) => r is null ? throw new ValidationException("roles", $"entry {i + 1} of 'roles' is empty")
            : Enum.TryParse<Role>(r.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var role) && !int.TryParse(r, out _) ? role
            : throw new ValidationException("roles", $"unknown role '{UserText.Quote(r)}': expected one of {string.Join(", ", Enum.GetNames<Role>())}")).Distinct().ToList();
    }

    /// <summary>A random secret of <paramref name="bytes"/> bytes in Crockford base32 (no look-alike characters).</summary>
    public static string NewSecret(int bytes)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var data = RandomNumberGenerator.GetBytes(bytes);
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));
}
