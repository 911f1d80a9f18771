using System.Text.Json;
using Cairn.Cli.Tests.Cases;

namespace Cairn.Cli.Tests.Admin;

/// <summary>`cairn admin agency|account`: what the administration screen does, through the same application service.</summary>
public class AdminCliTests
{
    private static readonly string[] AsAdmin = ["--as", "root", "--agency", "nca-uk"];

    [Fact]
    public void AgencyAddListUpdate_KeepTheRegistry_AndRefuseAnUnknownState()
    {
        using var data = new TempDataDirectory();
        var added = data.Run(["admin", "agency", "add", "BKA-DE", "--name", "Bundeskriminalamt", "--state", "de", "--kind", "police", "--json", .. AsAdmin]);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal("DE", JsonDocument.Parse(added.Output).RootElement.GetProperty("state").GetString());

        var bad = data.Run(["admin", "agency", "add", "X-1", "--name", "x", "--state", "ZZ", "--kind", "police", .. AsAdmin]);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("error: 'ZZ' is not a State code", bad.Error, StringComparison.Ordinal);
        var kind = data.Run(["admin", "agency", "add", "X-1", "--name", "x", "--state", "DE", "--kind", "bank", .. AsAdmin]);
        Assert.Contains("agency kind 'bank'", kind.Error, StringComparison.Ordinal);

        Assert.Equal(0, data.Run(["admin", "agency", "update", "BKA-DE", "--name", "BKA", "--state", "DE", "--kind", "police", .. AsAdmin]).ExitCode);
        var list = JsonDocument.Parse(data.Run(["admin", "agency", "list", "--json", .. AsAdmin]).Output).RootElement;
        Assert.Equal("BKA", Assert.Single(list.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public void AccountCreateRolesDisableEnable_WorkForARegisteredAgencyOnly()
    {
        using var data = new TempDataDirectory();
        var unregistered = data.Run(["admin", "account", "create", "ines", "--for-agency", "BKA-DE", "--role", "investigator", .. AsAdmin]);
        Assert.Equal(1, unregistered.ExitCode);
        Assert.Contains("--for-agency", unregistered.Error, StringComparison.Ordinal);

        data.Run(["admin", "agency", "add", "BKA-DE", "--name", "BKA", "--state", "DE", "--kind", "police", .. AsAdmin]);
        var created = data.Run(["admin", "account", "create", "ines", "--for-agency", "BKA-DE", "--name", "Inès", "--role", "investigator", "--role", "prosecutor", "--json", .. AsAdmin]);
        Assert.True(created.ExitCode == 0, created.Error);
        var json = JsonDocument.Parse(created.Output).RootElement;
        Assert.Equal(24, json.GetProperty("one_time_password").GetString()!.Length);

        Assert.Equal(0, data.Run(["admin", "account", "roles", "ines", "--role", "auditor", .. AsAdmin]).ExitCode);
        Assert.Equal(0, data.Run(["admin", "account", "disable", "ines", .. AsAdmin]).ExitCode);
        var listed = JsonDocument.Parse(data.Run(["admin", "account", "list", "--of-agency", "BKA-DE", "--json", .. AsAdmin]).Output).RootElement[0];
        Assert.Equal((true, "Auditor"), (listed.GetProperty("disabled").GetBoolean(), listed.GetProperty("roles")[0].GetString()));
        Assert.Equal(0, data.Run(["admin", "account", "enable", "ines", .. AsAdmin]).ExitCode);
        Assert.Equal("[]", data.Run(["admin", "account", "tokens", "ines", "--json", .. AsAdmin]).Output.Trim());

        Assert.Equal(0, data.Run("log", "verify").ExitCode);
    }
}
