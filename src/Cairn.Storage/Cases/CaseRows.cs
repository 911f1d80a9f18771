using Cairn.Cases.Cases;
using Cairn.Cases.Custody;

namespace Cairn.Storage.Cases;

/// <summary>Row shapes of the case tables (column aliases map snake_case onto these properties).</summary>
internal static class CaseRows
{
    public const string CaseColumns =
        "id AS Id, reference AS Reference, title AS Title, owning_agency AS OwningAgency, offence_type AS OffenceType, " +
        "status AS Status, opened_at AS OpenedAt, closed_at AS ClosedAt, version AS Version";

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
        };
    }

    public sealed class SubjectRow
    {
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

    public sealed class GrantRow
    {
        public string Agency { get; set; } = "";

        public string GrantedBy { get; set; } = "";

        public string GrantingAgency { get; set; } = "";

        public string GrantedAt { get; set; } = "";
    }

    public static string Text<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
