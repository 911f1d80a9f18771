using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Workspace.Administration;

namespace Cairn.Workspace.Tests.Administration;

/// <summary>
/// Role lists come from API bodies: a null entry (<c>"roles": [null]</c>, found by the API fuzz pass on creating an account and
/// setting its roles, where it was a 500) and an unknown name are refused on one line naming the field.
/// </summary>
public class AccountRolesTests
{
    [Fact]
    public void ANullEntry_IsRefusedOnOneLine_NamingItsPlace()
    {
        var refused = Assert.Throws<ValidationException>(() => AccountService.ParseRoles(["Investigator", null!]));

        Assert.Equal("roles", refused.Field);
        Assert.Contains("entry 2 of 'roles' is empty", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRole_IsRefusedOnOneLine_EvenWhenItHoldsALineBreak()
    {
        var refused = Assert.Throws<ValidationException>(() => AccountService.ParseRoles(["Sheriff\nof Nottingham"]));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains("unknown role", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownRoles_InAnyCase_WithUnderscores_AreReadOnce() =>
        Assert.Equal([Role.Investigator, Role.FiuAnalyst], AccountService.ParseRoles(["investigator", "FIU_ANALYST", "Investigator"]));
}
