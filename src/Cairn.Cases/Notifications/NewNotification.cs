namespace Cairn.Cases.Notifications;

/// <summary>A notification to send to <paramref name="Agency"/>.</summary>
public sealed record NewNotification(string Agency, string Kind, string? CaseReference, string Detail);
