using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Storage.Cases;

namespace Cairn.Storage.Accounts;

/// <summary>
/// Sign-in accounts and API tokens (Accounts/Migrations/050_accounts.sql). Every change is one
/// transaction with its custody entry (account.create, account.password, account.disable,
/// account.roles, token.create, token.revoke), so an auditor can see who gave whom access.
/// Lookups for sign-in are plain reads; the server logs the sign-in itself.
/// </summary>
public sealed class SqlAccountStore : IAccountStore
{
    private const string AccountColumns =
        "a.login AS Login, u.agency_code AS Agency, u.display_name AS DisplayName, a.roles AS Roles, a.password_hash AS PasswordHash, " +
        "a.must_change_password AS MustChangePassword, a.disabled AS Disabled, a.created_at AS CreatedAt";

    private const string AccountFrom = " FROM accounts a JOIN users u ON u.login = a.login";

    private readonly CairnDatabase _database;

    public SqlAccountStore(CairnDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        _database.QueryAsync(connection => Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM accounts"), cancellationToken);

    public Task<UserAccount> CreateAsync(Actor by, UserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var login = Identifiers.Require(account.Login, "login");
        var agency = Identifiers.Require(account.Agency, "agency");
        if (account.Roles.Count == 0) throw new CairnException($"account '{login}' needs at least one role");
        return _database.InTransactionAsync(by, async unit =>
        {
            var taken = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM accounts WHERE login = @login", new { login }).ConfigureAwait(false);
            if (taken > 0) throw new CairnException($"account '{login}' already exists");
            await SqlCaseStore.EnsureAgencyAsync(unit, agency).ConfigureAwait(false);
            var existingAgency = await unit.QuerySingleOrDefaultAsync<string>("SELECT agency_code FROM users WHERE login = @login", new { login }).ConfigureAwait(false);
            if (existingAgency is not null && existingAgency != agency)
                throw new CairnException($"user '{login}' already acts for agency '{existingAgency}', not '{agency}'");
            await unit.ExecuteAsync("INSERT INTO users (login, agency_code, display_name) VALUES (@login, @agency, @name) ON CONFLICT (login) DO UPDATE SET display_name = @name",
                new { login, agency, name = account.DisplayName }).ConfigureAwait(false);
            var created = account with { Login = login, Agency = agency, CreatedAt = unit.Time.GetUtcNow() };
            await unit.ExecuteAsync(
                "INSERT INTO accounts (login, roles, password_hash, must_change_password, disabled, created_at) VALUES (@login, @roles, @hash, @must, @disabled, @at)",
                new { login, roles = RoleText(created.Roles), hash = created.PasswordHash, must = created.MustChangePassword ? 1 : 0, disabled = created.Disabled ? 1 : 0, at = CustodyEntry.FormatTime(created.CreatedAt) }).ConfigureAwait(false);
            await unit.RecordAsync("account.create", "account", login, CustodyRecord.HashOf($"{login}|{agency}|{RoleText(created.Roles)}")).ConfigureAwait(false);
            return created;
        }, cancellationToken);
    }

    /// <summary>The account of <paramref name="login"/>, or null.</summary>
    public Task<UserAccount?> FindAsync(string login, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var row = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<AccountRow>(connection, $"SELECT {AccountColumns}{AccountFrom} WHERE a.login = @login", new { login }).ConfigureAwait(false);
            return row?.ToAccount();
        }, cancellationToken);

    /// <summary>Accounts of one agency (all agencies when null), by login.</summary>
    public Task<IReadOnlyList<UserAccount>> ListAsync(string? agency, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<AccountRow>(connection,
                $"SELECT {AccountColumns}{AccountFrom}{(agency is null ? "" : " WHERE u.agency_code = @agency")} ORDER BY a.login", new { agency }).ConfigureAwait(false);
            IReadOnlyList<UserAccount> list = rows.Select(r => r.ToAccount()).ToList();
            return list;
        }, cancellationToken);

    /// <summary>One page of the accounts of one agency (all agencies when null), by login (paged by the database).</summary>
    public Task<Page<UserAccount>> ListAsync(string? agency, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.QueryAsync(async connection =>
        {
            var where = agency is null ? "" : " WHERE u.agency_code = @agency";
            var total = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, $"SELECT COUNT(*){AccountFrom}{where}", new { agency }).ConfigureAwait(false);
            var rows = await Dapper.SqlMapper.QueryAsync<AccountRow>(connection,
                $"SELECT {AccountColumns}{AccountFrom}{where} ORDER BY a.login LIMIT @Limit OFFSET @Offset", new { agency, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            return Page<UserAccount>.Of(rows.Select(r => r.ToAccount()).ToList(), page, total);
        }, cancellationToken);
    }

    public Task SetPasswordAsync(Actor by, string login, string passwordHash, bool mustChange, CancellationToken cancellationToken = default) =>
        UpdateAsync(by, login, "account.password", "UPDATE accounts SET password_hash = @hash, must_change_password = @must WHERE login = @login",
            new { login, hash = passwordHash, must = mustChange ? 1 : 0 }, cancellationToken);

    public Task SetDisabledAsync(Actor by, string login, bool disabled, CancellationToken cancellationToken = default) =>
        UpdateAsync(by, login, disabled ? "account.disable" : "account.enable", "UPDATE accounts SET disabled = @disabled WHERE login = @login",
            new { login, disabled = disabled ? 1 : 0 }, cancellationToken);

    public Task SetRolesAsync(Actor by, string login, IReadOnlyList<Role> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Count == 0) throw new CairnException($"account '{login}' needs at least one role");
        return UpdateAsync(by, login, "account.roles", "UPDATE accounts SET roles = @roles WHERE login = @login", new { login, roles = RoleText(roles) }, cancellationToken);
    }

    /// <summary>Stores a new token for <paramref name="login"/>; only <paramref name="secretHash"/> (SHA-256 hex of the secret) is kept.</summary>
    public Task<ApiToken> CreateTokenAsync(Actor by, string id, string login, string name, string secretHash, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(by, async unit =>
        {
            var exists = await unit.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM accounts WHERE login = @login", new { login }).ConfigureAwait(false);
            if (exists == 0) throw new NotFoundException($"no account '{login}'");
            var token = new ApiToken(id, login, Identifiers.Require(name, "token name"), unit.Time.GetUtcNow(), expiresAt, null);
            await unit.ExecuteAsync("INSERT INTO api_tokens (id, login, name, secret_hash, created_at, expires_at, revoked_at) VALUES (@id, @login, @name, @secretHash, @at, @expires, NULL)",
                new { id, login, name = token.Name, secretHash, at = CustodyEntry.FormatTime(token.CreatedAt), expires = expiresAt is { } e ? CustodyEntry.FormatTime(e) : null }).ConfigureAwait(false);
            await unit.RecordAsync("token.create", "token", id, CustodyRecord.HashOf($"{id}|{login}|{token.Name}")).ConfigureAwait(false);
            return token;
        }, cancellationToken);

    /// <summary>The token with <paramref name="id"/> and its stored secret hash, or null.</summary>
    public Task<(ApiToken Token, string SecretHash)?> FindTokenAsync(string id, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var row = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<TokenRow>(connection, TokenSelect + " WHERE id = @id", new { id }).ConfigureAwait(false);
            return row is null ? ((ApiToken, string)?)null : (row.ToToken(), row.SecretHash);
        }, cancellationToken);

    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(string login, CancellationToken cancellationToken = default) =>
        _database.QueryAsync(async connection =>
        {
            var rows = await Dapper.SqlMapper.QueryAsync<TokenRow>(connection, TokenSelect + " WHERE login = @login ORDER BY created_at", new { login }).ConfigureAwait(false);
            IReadOnlyList<ApiToken> list = rows.Select(r => r.ToToken()).ToList();
            return list;
        }, cancellationToken);

    /// <summary>One page of a user's tokens, oldest first (paged by the database).</summary>
    public Task<Page<ApiToken>> ListTokensAsync(string login, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _database.QueryAsync(async connection =>
        {
            var total = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM api_tokens WHERE login = @login", new { login }).ConfigureAwait(false);
            var rows = await Dapper.SqlMapper.QueryAsync<TokenRow>(connection, TokenSelect + " WHERE login = @login ORDER BY created_at, id LIMIT @Limit OFFSET @Offset",
                new { login, Limit = (long)page.Limit, page.Offset }).ConfigureAwait(false);
            return Page<ApiToken>.Of(rows.Select(r => r.ToToken()).ToList(), page, total);
        }, cancellationToken);
    }

    /// <summary>Revokes a token of <paramref name="by"/>'s own (or any, when <paramref name="anyOwner"/>: admins).</summary>
    public Task RevokeTokenAsync(Actor by, string id, bool anyOwner, CancellationToken cancellationToken = default) =>
        _database.InTransactionAsync(by, async unit =>
        {
            var changed = await unit.ExecuteAsync("UPDATE api_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL" + (anyOwner ? "" : " AND login = @login"),
                new { id, at = CustodyEntry.FormatTime(unit.Time.GetUtcNow()), login = by.User }).ConfigureAwait(false);
            if (changed == 0) throw new NotFoundException($"no active token '{id}' of yours");
            await unit.RecordAsync("token.revoke", "token", id).ConfigureAwait(false);
        }, cancellationToken);

    public Task RecordFailedSignInAsync(string attemptedLogin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attemptedLogin);
        // No person to name: the attempt may come from anyone.
        return _database.InTransactionAsync(new Actor("anonymous", "unknown"),
            unit => unit.RecordAsync("auth.signin.failed", "login", FailedLoginKey(attemptedLogin)), cancellationToken);
    }

    public string FailedLoginKey(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return "hmac-sha256:" + _database.Secret.Mac("login", login.Trim());
    }

    private const string TokenSelect = "SELECT id AS Id, login AS Login, name AS Name, secret_hash AS SecretHash, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt FROM api_tokens";

    private Task UpdateAsync(Actor by, string login, string action, string sql, object parameters, CancellationToken cancellationToken) =>
        _database.InTransactionAsync(by, async unit =>
        {
            if (await unit.ExecuteAsync(sql, parameters).ConfigureAwait(false) == 0) throw new NotFoundException($"no account '{login}'");
            await unit.RecordAsync(action, "account", login).ConfigureAwait(false);
        }, cancellationToken);

    private static string RoleText(IEnumerable<Role> roles) => string.Join(",", roles.Distinct().Order());

    private sealed class AccountRow
    {
        public string Login { get; set; } = "";
        public string Agency { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Roles { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public long MustChangePassword { get; set; }
        public long Disabled { get; set; }
        public string CreatedAt { get; set; } = "";

        public UserAccount ToAccount() => new()
        {
            Login = Login,
            Agency = Agency,
            DisplayName = DisplayName,
            Roles = Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.Parse<Role>(r)).ToList(),
            PasswordHash = PasswordHash,
            MustChangePassword = MustChangePassword != 0,
            Disabled = Disabled != 0,
            CreatedAt = CustodyEntry.ParseTime(CreatedAt),
        };
    }

    private sealed class TokenRow
    {
        public string Id { get; set; } = "";
        public string Login { get; set; } = "";
        public string Name { get; set; } = "";
        public string SecretHash { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? ExpiresAt { get; set; }
        public string? RevokedAt { get; set; }

        public ApiToken ToToken() => new(Id, Login, Name, CustodyEntry.ParseTime(CreatedAt),
            ExpiresAt is null ? null : CustodyEntry.ParseTime(ExpiresAt), RevokedAt is null ? null : CustodyEntry.ParseTime(RevokedAt));
    }
}
