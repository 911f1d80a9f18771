using Cairn.Cases.Evidence;
using Cairn.Server.Auth;
using Cairn.Storage;
using Cairn.Storage.Evidence;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/cases/{reference}/evidence: list, upload (multipart, stored by SHA-256 with its custody
/// entry), export as a signed package; and /api/v1/evidence/verify, which checks an uploaded
/// package with no database at all (the same check as `cairn evidence verify`).
/// </summary>
internal static class EvidenceEndpoints
{
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api)
    {
        var evidence = api.MapGroup("/cases/{reference}/evidence").WithTags("evidence");
        evidence.MapGet("/", async (HttpContext http, CairnDatabase db, StoredEvidenceCheck check, string reference, long? offset, int? limit) =>
        {
            var store = new SqlEvidenceStore(db);
            var page = Page<EvidenceItem>.Of(await store.ListAsync(http.User.Actor(), reference, http.RequestAborted), offset, limit);
            // Each stored file is checked against its hash, so the list says whether the bytes are still what was collected.
            var items = new List<object>();
            foreach (var item in page.Items) items.Add(new { item, status = await check.StatusAsync(store.Files, item, http.RequestAborted) });
            return new Page<object>(items, page.Offset, page.Limit, page.Total, page.NextOffset);
        });
        evidence.MapPost("/", async (HttpContext http, CairnDatabase db, string reference) =>
        {
            if (!http.Request.HasFormContentType) throw new Core.CairnException("expected multipart/form-data with a field 'file'");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files.GetFile("file") ?? throw new Core.CairnException("multipart field 'file' is required");
            var name = Path.GetFileName(file.FileName);
            if (string.IsNullOrWhiteSpace(name)) throw new Core.CairnException("the uploaded file has no name");
            var folder = Directory.CreateTempSubdirectory("cairn-upload-");
            try
            {
                var path = Path.Combine(folder.FullName, name);
                await using (var target = File.Create(path)) await file.CopyToAsync(target, http.RequestAborted);
                var item = await new SqlEvidenceStore(db).AddAsync(http.User.Actor(), reference, path,
                    Http.Required(form["method"], "method"), Http.Required(form["source"], "source"), http.RequestAborted);
                return Results.Created($"/api/v1/cases/{Uri.EscapeDataString(reference)}/evidence", item);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }).RequireAuthorization(Policies.CaseWriter).DisableAntiforgery().WithMetadata(new RequestSizeLimitMetadata(MaxUploadBytes));
        evidence.MapGet("/export", async (HttpContext http, CairnDatabase db, string reference) =>
        {
            var buffer = new MemoryStream();
            var summary = await new SqlEvidenceStore(db).ExportAsync(http.User.Actor(), reference, buffer, http.RequestAborted);
            http.Response.Headers["X-Cairn-Root-Hash"] = summary.RootHash;
            return Results.File(buffer.ToArray(), "application/zip", $"{reference}-evidence.zip");
        });
        api.MapPost("/evidence/verify", async (HttpContext http, CairnDatabase db) =>
        {
            if (!http.Request.HasFormContentType) throw new Core.CairnException("expected multipart/form-data with a field 'package'");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var file = form.Files.GetFile("package") ?? throw new Core.CairnException("multipart field 'package' is required");
            await using var stream = file.OpenReadStream();
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, http.RequestAborted);
            copy.Position = 0;
            // Pinned to this installation's own custody key (issue 17): another key's package is reported as such.
            var result = EvidencePackage.Verify(copy, db.Signer.ExportPublicKeyPem());
            return new { valid = result.IsValid, keyPinned = result.KeyPinned, summary = result.Summary, result.CaseReference, result.KeyId, result.TreeSize, result.Files, result.LogEntries, result.Checks, result.Problems };
        }).WithTags("evidence").DisableAntiforgery().WithMetadata(new RequestSizeLimitMetadata(MaxUploadBytes));
    }

    /// <summary>Raises Kestrel's body limit for one endpoint (the default stays small for JSON).</summary>
    internal sealed class RequestSizeLimitMetadata(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
