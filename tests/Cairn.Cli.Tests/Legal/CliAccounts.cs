using Cairn.Cli.Tests.Cases;

namespace Cairn.Cli.Tests.Legal;

/// <summary>Accounts for CLI tests whose step needs a role (validating a request before it is sent).</summary>
internal static class CliAccounts
{
    /// <summary>Registers <paramref name="agency"/> (unless it already is) and creates an account per (login, role) for it.</summary>
    public static void Create(TempDataDirectory data, string agency, string state, params (string Login, string Role)[] accounts)
    {
        var registered = data.Run("admin", "agency", "add", agency, "--name", agency + " (test)", "--state", state, "--kind", "prosecution");
        Assert.True(registered.ExitCode == 0 || registered.Error.Contains("already", StringComparison.OrdinalIgnoreCase), registered.Error);
        foreach (var (login, role) in accounts)
        {
            var created = data.Run("admin", "account", "create", login, "--for-agency", agency, "--role", role);
            Assert.True(created.ExitCode == 0, created.Error);
        }
    }
}
