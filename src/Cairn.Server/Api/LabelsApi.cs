using Cairn.Workspace.Labels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>/api/v1/labels: the words for every code the UI shows (roles, channels, statuses, States…), one catalogue for all pages.</summary>
public static class LabelsApi
{
    public static IEndpointRouteBuilder MapLabelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/labels", GetLabels).WithTags("Labels").WithProblems()
            .WithName("GetLabels").WithSummary("The label catalogue: for each group (role, channel, request_status, state…), code → words");
        return app;
    }

    public static Ok<LabelSet> GetLabels(LabelService labels) => TypedResults.Ok(labels.Labels);
}
