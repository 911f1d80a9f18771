using Cairn.Cases.Cases;

namespace Cairn.Workspace.Cases;

/// <summary>A case in lists (without subjects, wallets, notes): what `cairn case list --json` and GET /api/v1/cases print.</summary>
public sealed record CaseSummary(string Id, string Reference, string Title, string OwningAgency, string OffenceType, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, long Version)
{
    public static CaseSummary Of(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Reference, c.Title, c.OwningAgency, c.OffenceType, c.Status.ToString().ToLowerInvariant(), c.OpenedAt, c.ClosedAt, c.Version);
    }
}
