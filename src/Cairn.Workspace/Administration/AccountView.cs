using Cairn.Cases.Agencies;

namespace Cairn.Workspace.Administration;

/// <summary>An account as admins see it (never its password hash).</summary>
public sealed record AccountView(string Login, string Agency, string DisplayName, IReadOnlyList<string> Roles, bool MustChangePassword, bool Disabled, DateTimeOffset CreatedAt)
{
    public static AccountView Of(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Login, account.Agency, account.DisplayName, account.Roles.Select(r => r.ToString()).ToList(), account.MustChangePassword, account.Disabled, account.CreatedAt);
    }
}
