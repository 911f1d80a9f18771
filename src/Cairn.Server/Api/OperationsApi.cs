using Cairn.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Cairn.Workspace.Backup;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/admin/backup: an admin downloads a backup of the running installation (docs/operations.md).
/// Over HTTP the private keys are always left out: they stay on the server's disk, and a browser's
/// download folder is no place for them (<c>cairn backup</c> on the server copies them when asked).
/// </summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Operations").RequireAuthorization(Policies.Admin).WithProblems();
        admin.MapGet("/backup", DownloadBackupAsync).WithName("DownloadBackup")
            .WithSummary("A backup of the installation without its private keys (gzip-compressed tar with a manifest of SHA-256 hashes; SQLite only; logged)")
            .Produces(StatusCodes.Status200OK, contentType: "application/gzip");
        return app;
    }

    public static async Task<FileStreamHttpResult> DownloadBackupAsync(HttpContext http, BackupService backups, TimeProvider time)
    {
        var name = $"cairn-backup-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.tar.gz";
        var path = Path.Combine(Path.GetTempPath(), $"cairn-backup-{Guid.NewGuid():N}.tar.gz");
        await backups.CreateAsync(http.User.Actor(), path, new BackupRequest(WithoutKeys: true), http.RequestAborted);
        // The temporary archive is deleted when the response is done with it.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.Stream(stream, "application/gzip", name);
    }
}
