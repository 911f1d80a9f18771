using Cairn.Cases.Cases;

namespace Cairn.Workspace.Cases;

/// <summary>
/// A case in lists (without subjects, wallets, notes): what `cairn case list --json` and GET /api/v1/cases print;
/// <c>access</c> is what the listing agency may do with it (owner, contribute, read).
/// </summary>
public sealed record CaseSummary(string Id, string Reference, string Title, string OwningAgency, string OffenceType, string OffenceDetail, string Status, string StatusReason,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, long Version, string? Access)
{
    public static CaseSummary Of(Case c, string? agency = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Reference, c.Title, c.OwningAgency, c.OffenceType, c.OffenceDetail, c.Status.ToString().ToLowerInvariant(), c.StatusReason, c.OpenedAt, c.ClosedAt, c.Version,
            agency is null ? null : c.AccessOf(agency).ToString().ToLowerInvariant());
    }
}
