using Cairn.Legal.Requests;
using Cairn.Legal.Requests.Validation;

namespace Cairn.Workspace.Legal;

/// <summary>
/// A request's validation as people read it: <see cref="State"/> (not_validated, validated, lapsed), the same in
/// <see cref="Words"/>, what its instrument requires (<see cref="Required"/>, <see cref="Citation"/>, the roles that may
/// validate and whether a second person is needed), and the last validation's who, when and text hash.
/// </summary>
public sealed record ValidationView(string State, string Words, string Required, string Citation, IReadOnlyList<string> Roles, bool SecondPerson)
{
    public string? By { get; init; }

    public string? Agency { get; init; }

    public string? Role { get; init; }

    public DateTimeOffset? At { get; init; }

    /// <summary>SHA-256 of the request's text that was validated (Cairn.Legal RequestText).</summary>
    public string? ContentSha256 { get; init; }

    public bool Validated => State == "validated";

    public static ValidationView Of(LegalRequest request, RequestValidation? latest)
    {
        var requirement = ValidationRules.For(request);
        if (latest is null)
            return new("not_validated", $"Not validated: {requirement.Who}.", requirement.Who, requirement.Citation, requirement.Roles, requirement.SecondPerson);
        var who = $"{latest.By} ({latest.Role}, {latest.Agency}) on {latest.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        var current = latest.IsCurrentFor(request);
        return new(current ? "validated" : "lapsed",
            current ? $"Validated by {who}, on the text with SHA-256 {latest.ContentSha256[..12]}…" : $"Validation lapsed: edited after validation (validated by {who}).",
            requirement.Who, requirement.Citation, requirement.Roles, requirement.SecondPerson)
        {
            By = latest.By, Agency = latest.Agency, Role = latest.Role, At = latest.At, ContentSha256 = latest.ContentSha256,
        };
    }
}
