using Cairn.Cases.Notifications;
using Cairn.Core.Paging;
using Cairn.Workspace.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Api;

/// <summary>/api/v1/notifications: what the signed-in person's agency was told (shares, revocations, overlapping requests), the unread count, marking read.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").WithProblems();
        notifications.MapGet("/", ListAsync).WithName("ListNotifications").WithSummary("The agency's notifications, newest first, with the person's read state (logged)");
        notifications.MapGet("/unread", UnreadAsync).WithName("CountUnreadNotifications").WithSummary("How many notifications the person has not read");
        notifications.MapPost("/{id}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("Mark one notification read");
        notifications.MapPost("/{id}/contact", RequestContactAsync).WithName("RequestContactAfterAddressHit")
            .WithSummary("Answer an address hit notice: ask the other agency to make contact (it gets the address and who asks, no case details; logged)");
        notifications.MapPost("/read", MarkAllReadAsync).WithName("MarkAllNotificationsRead").WithSummary("Mark every notification read");
        return app;
    }

    public static async Task<Ok<Page<Notification>>> ListAsync(HttpContext http, NotificationService notifications, bool? unread, long? offset, int? limit) =>
        TypedResults.Ok(await notifications.ListAsync(http.User.Actor(), unread ?? false, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Ok<UnreadCount>> UnreadAsync(HttpContext http, NotificationService notifications) =>
        TypedResults.Ok(await notifications.UnreadAsync(http.User.Actor(), http.RequestAborted));

    public static async Task<NoContent> MarkReadAsync(HttpContext http, NotificationService notifications, string id)
    {
        await notifications.MarkReadAsync(http.User.Actor(), id, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> MarkAllReadAsync(HttpContext http, NotificationService notifications)
    {
        await notifications.MarkReadAsync(http.User.Actor(), null, http.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Notification>> RequestContactAsync(HttpContext http, NotificationService notifications, string id) =>
        TypedResults.Ok(await notifications.RequestContactAsync(http.User.Actor(), id, http.RequestAborted));
}
