using Cairn.Cases.Agencies;
using Microsoft.AspNetCore.Authorization;

namespace Cairn.Server.Auth;

/// <summary>
/// Who may do what, by role (docs/server.md has the matrix). Which cases are visible is decided
/// separately, by agency, in the stores: a role never widens visibility.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user whose one-time password has been replaced.</summary>
    public const string Reader = "reader";
    public const string CaseWriter = "case-writer";
    public const string RequestWriter = "request-writer";
    public const string LedgerWriter = "ledger-writer";
    public const string VictimWriter = "victim-writer";
    public const string IntelWriter = "intel-writer";
    public const string Auditor = "auditor";
    public const string ExchangeReader = "exchange-reader";
    public const string Admin = "admin";

    /// <summary>Signed in, including a user who still has to change the one-time password (only the password endpoint uses it).</summary>
    public const string SignedIn = "signed-in";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Reader, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.HasClaim(x => x.Type == CairnClaims.MustChangePassword)));
        Roles(options, CaseWriter, Role.Investigator);
        Roles(options, RequestWriter, Role.Prosecutor, Role.Investigator);
        Roles(options, LedgerWriter, Role.AssetRecoveryOfficer, Role.Prosecutor);
        Roles(options, VictimWriter, Role.Investigator, Role.Prosecutor, Role.AssetRecoveryOfficer);
        Roles(options, IntelWriter, Role.Investigator, Role.FiuAnalyst);
        Roles(options, Auditor, Role.Auditor, Role.Admin);
        Roles(options, ExchangeReader, Role.FiuAnalyst, Role.Admin);
        Roles(options, Admin, Role.Admin);
        options.DefaultPolicy = options.GetPolicy(Reader)!;
        options.FallbackPolicy = options.GetPolicy(Reader);
    }

    private static void Roles(AuthorizationOptions options, string name, params Role[] roles) =>
        options.AddPolicy(name, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => !c.User.HasClaim(x => x.Type == CairnClaims.MustChangePassword))
            .RequireRole(roles.Select(r => r.ToString())));
}
