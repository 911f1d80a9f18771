using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Storage;
using Cairn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Cairn.Server.Auth;

/// <summary>
/// Accounts, passwords and API tokens. Passwords are hashed with ASP.NET Core's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100,000 iterations, per-password salt);
/// API tokens are <c>cairn_&lt;id&gt;_&lt;secret&gt;</c> with 32 random bytes of secret, of which only the
/// SHA-256 is stored. Neither a password nor a token secret is ever logged.
/// </summary>
public sealed class AccountService
{
    public const int MinimumPasswordLength = 12;
    private const string TokenPrefix = "cairn_";
    private static readonly Actor Installation = new("installation", "installation");

    private readonly SqlAccountStore _store;
    private readonly TimeProvider _time;
    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly string _dummyHash;

    // Every API call and every cookie request needs the account (and token) behind it; reading them
    // from the database each time cost more than most requests. Changes made through this service
    // drop the cached copies at once; other server nodes sharing the database see them within
    // CacheLifetime.
    private readonly ConcurrentDictionary<string, (UserAccount? Account, DateTimeOffset At)> _accountCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ((ApiToken Token, string SecretHash)? Found, DateTimeOffset At)> _tokenCache = new(StringComparer.Ordinal);

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    public AccountService(CairnDatabase database, TimeProvider time)
    {
        _store = new SqlAccountStore(database);
        _time = time;
        _dummyHash = _hasher.HashPassword(null!, "not a password of anyone");
    }

    public SqlAccountStore Store => _store;

    /// <summary>The account of <paramref name="login"/> (null when none), at most <see cref="CacheLifetime"/> old.</summary>
    public async Task<UserAccount?> FindAsync(string login, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (_accountCache.TryGetValue(login, out var cached) && now - cached.At < CacheLifetime) return cached.Account;
        var account = await _store.FindAsync(login, cancellationToken).ConfigureAwait(false);
        _accountCache[login] = (account, now);
        return account;
    }

    public async Task SetRolesAsync(Actor by, string login, IReadOnlyList<Role> roles, CancellationToken cancellationToken = default)
    {
        await _store.SetRolesAsync(by, login, roles, cancellationToken).ConfigureAwait(false);
        _accountCache.TryRemove(login, out _);
    }

    public async Task SetDisabledAsync(Actor by, string login, bool disabled, CancellationToken cancellationToken = default)
    {
        await _store.SetDisabledAsync(by, login, disabled, cancellationToken).ConfigureAwait(false);
        _accountCache.TryRemove(login, out _);
    }

    public async Task RevokeTokenAsync(Actor by, string id, bool anyOwner, CancellationToken cancellationToken = default)
    {
        await _store.RevokeTokenAsync(by, id, anyOwner, cancellationToken).ConfigureAwait(false);
        _tokenCache.TryRemove(id, out _);
    }

    /// <summary>
    /// On an installation without accounts, creates <c>admin</c> of <paramref name="agency"/> with a
    /// random one-time password (returned, to be printed once) that must be changed at first
    /// sign-in. Returns null when accounts exist: there is never a default password.
    /// </summary>
    public async Task<string?> BootstrapAsync(string agency, IReadOnlyList<Role> roles, CancellationToken cancellationToken = default)
    {
        if (await _store.CountAsync(cancellationToken).ConfigureAwait(false) > 0) return null;
        var password = NewSecret(15);
        await CreateAsync(Installation, "admin", agency, "Administrator", roles, password, mustChange: true, cancellationToken).ConfigureAwait(false);
        return password;
    }

    public async Task<UserAccount> CreateAsync(Actor by, string login, string agency, string displayName, IReadOnlyList<Role> roles, string password, bool mustChange, CancellationToken cancellationToken = default)
    {
        RequireStrong(password);
        var account = new UserAccount
        {
            Login = login, Agency = agency, DisplayName = string.IsNullOrWhiteSpace(displayName) ? login : displayName.Trim(), Roles = roles,
            PasswordHash = "", MustChangePassword = mustChange, CreatedAt = _time.GetUtcNow(),
        };
        return await _store.CreateAsync(by, account with { PasswordHash = _hasher.HashPassword(account, password) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account when <paramref name="password"/> is right and the account enabled; else null (same work either way, so timing does not reveal which logins exist).</summary>
    public async Task<UserAccount?> VerifyPasswordAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        var account = string.IsNullOrWhiteSpace(login) ? null : await _store.FindAsync(login.Trim(), cancellationToken).ConfigureAwait(false);
        var result = _hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? _dummyHash, password ?? "");
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed) return null;
        return account;
    }

    public async Task ChangePasswordAsync(Actor actor, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var account = await VerifyPasswordAsync(actor.User, currentPassword, cancellationToken).ConfigureAwait(false)
            ?? throw new CairnException("the current password is wrong");
        if (currentPassword == newPassword) throw new CairnException("the new password must differ from the current one");
        RequireStrong(newPassword);
        await _store.SetPasswordAsync(actor, actor.User, _hasher.HashPassword(account, newPassword), mustChange: false, cancellationToken).ConfigureAwait(false);
        _accountCache.TryRemove(actor.User, out _);
    }

    /// <summary>Creates an API token for the actor; the returned text is the only copy of its secret.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateTokenAsync(Actor actor, string name, int? validDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (validDays is < 1 or > 3650) throw new CairnException($"token validity {validDays} days is out of range 1–3650");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var expires = validDays is { } days ? _time.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var token = await _store.CreateTokenAsync(actor, id, actor.User, name, HashOf(secret), expires, cancellationToken).ConfigureAwait(false);
        return (token, $"{TokenPrefix}{id}_{secret}");
    }

    /// <summary>The account a presented token acts for, or null when it is malformed, unknown, revoked, expired or its account disabled.</summary>
    public async Task<UserAccount?> ValidateTokenAsync(string presented, CancellationToken cancellationToken = default)
    {
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

    public static void RequireStrong(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            throw new CairnException($"password too short: at least {MinimumPasswordLength} characters");
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
