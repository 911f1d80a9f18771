using Cairn.Cases.Victims;
using Cairn.Server.Auth;
using Cairn.Workspace.Victims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>/api/v1/cases/{reference}/victims: a case's victims, what each lost (with the transactions that prove it) and received (docs/ledger.md, "Victims").</summary>
public static class VictimsApi
{
    public static IEndpointRouteBuilder MapVictimsApi(this IEndpointRouteBuilder app)
    {
        var victims = app.MapGroup("/api/v1/cases/{reference}/victims").WithTags("Victims").WithProblems();
        victims.MapGet("/", ListVictimsAsync).WithName("ListVictims").WithSummary("A case's victims with what each lost, received (approved returns) and awaits, per asset (logged)");
        victims.MapPost("/", AddVictimAsync).RequireAuthorization(Policies.VictimWriter).WithName("AddVictim").WithSummary("Add a victim to the case (logged)");
        victims.MapPost("/{victimId}/losses", AddLossAsync).RequireAuthorization(Policies.VictimWriter).WithName("AddVictimLoss")
            .WithSummary("Record a victim's loss: amount, asset and the transactions that prove it (logged)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<VictimAccount>>> ListVictimsAsync(HttpContext http, VictimService victims, string reference) =>
        TypedResults.Ok(await victims.ListAsync(http.User.Actor(), reference, http.RequestAborted));

    public static async Task<Ok<Victim>> AddVictimAsync(HttpContext http, VictimService victims, string reference, VictimRequest body) =>
        TypedResults.Ok(await victims.AddAsync(http.User.Actor(), reference, body, http.RequestAborted));

    public static async Task<Ok<VictimLoss>> AddLossAsync(HttpContext http, VictimService victims, string reference, string victimId, VictimLossRequest body) =>
        TypedResults.Ok(await victims.AddLossAsync(http.User.Actor(), reference, victimId, body, http.RequestAborted));
}
