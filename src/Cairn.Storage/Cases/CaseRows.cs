using Cairn.Cases.Cases;
using Cairn.Cases.Custody;

namespace Cairn.Storage.Cases;

/// <summary>Row shapes of the case tables (column aliases map snake_case onto these properties).</summary>
internal static class CaseRows
{
    public const string CaseColumns =
        "id AS Id, reference AS Reference, title AS Title, owning_agency AS OwningAgency, offence_type AS OffenceType, " +
        "status AS Status, opened_at AS OpenedAt, closed_at AS ClosedAt, version AS Version, offence_detail AS OffenceDetail, status_reason AS StatusReason";

    public sealed class CaseRow
    {
        public string Id { get; set; } = "";

        public string Reference { get; set; } = "";

        public string Title { get; set; } = "";

        public string OwningAgency { get; set; } = "";

        public string OffenceType { get; set; } = "";

        public string Status { get; set; } = "";

        public string OpenedAt { get; set; } = "";

        public string? ClosedAt { get; set; }

        public long Version { get; set; }

        public string OffenceDetail { get; set; } = "";

        public string StatusReason { get; set; } = "";

        /// <summary>In lists only: the level of the listing agency's grant, if any.</summary>
        public string? ListingGrantLevel { get; set; }

        /// <summary>In lists only: 1 when the listing agency's grant is pseudonymised.</summary>
        public long? ListingPseudonymised { get; set; }

        /// <summary>A listed case: no children, and of the grants only the listing agency's.</summary>
        public Case ToListedCase(string agency) => ListingGrantLevel is null ? ToCase()
            : ToCase() with { Grants = [new SharingGrant(agency, "", "", DateTimeOffset.MinValue) { Level = Enum.Parse<GrantLevel>(ListingGrantLevel, ignoreCase: true), Pseudonymised = ListingPseudonymised == 1 }] };

        public Case ToCase() => new()
        {
            Id = Id,
            Reference = Reference,
            Title = Title,
            OwningAgency = OwningAgency,
            OffenceType = OffenceType,
            Status = Enum.Parse<CaseStatus>(Status, ignoreCase: true),
            OpenedAt = CustodyEntry.ParseTime(OpenedAt),
            ClosedAt = ClosedAt is null ? null : CustodyEntry.ParseTime(ClosedAt),
            Version = Version,
            OffenceDetail = OffenceDetail,
            StatusReason = StatusReason,
        };
    }

    public sealed class SubjectRow
    {
        public string SubjectId { get; set; } = "";

        public string Role { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Name { get; set; } = "";

        public string Details { get; set; } = "";
    }

    public sealed class WalletRow
    {
        public string Chain { get; set; } = "";

        public string Address { get; set; } = "";

        public string Role { get; set; } = "";

        public string Label { get; set; } = "";
    }

    public sealed class NoteRow
    {
        public string Author { get; set; } = "";

        public string Agency { get; set; } = "";

        public string WrittenAt { get; set; } = "";

        public string Text { get; set; } = "";
    }

    public sealed class LinkRow
    {
        public string Kind { get; set; } = "";

        public string Target { get; set; } = "";
    }

    public sealed class IdentifierRow
    {
        public string SubjectId { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Value { get; set; } = "";
    }

    public sealed class StatusChangeRow
    {
        public string Status { get; set; } = "";

        public string Reason { get; set; } = "";

        public string ChangedAt { get; set; } = "";

        public string ChangedBy { get; set; } = "";

        public string Agency { get; set; } = "";
    }

    public sealed class GrantRow
    {
        public string Level { get; set; } = "";

        public string Agency { get; set; } = "";

        public string GrantedBy { get; set; } = "";

        public string GrantingAgency { get; set; } = "";

        public string GrantedAt { get; set; } = "";

        public long Pseudonymised { get; set; }
    }

    public static string Text<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
