using Cairn.Cases.Custody;
using Cairn.Cases.Notifications;

namespace Cairn.Storage.Notifications;

/// <summary>A row of <c>notifications</c> as queried (times as stored text); <see cref="ReadAt"/> only when the query joins the reads.</summary>
internal sealed class NotificationRow
{
    public string Id { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? CaseReference { get; set; }
    public string Detail { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public string CreatedAgency { get; set; } = "";
    public string? ReadAt { get; set; }

    public Notification ToNotification() => new(Id, Agency, Kind, CaseReference, Detail, CustodyEntry.ParseTime(CreatedAt), CreatedBy, CreatedAgency,
        ReadAt is null ? null : CustodyEntry.ParseTime(ReadAt));
}
