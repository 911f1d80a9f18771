using Cairn.Cases.Evidence;
using Cairn.Core.Paging;
using Cairn.Server.Auth;
using Cairn.Workspace.Evidence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cairn.Server.Api;

/// <summary>
/// /api/v1/cases/{reference}/evidence: list (each file re-checked against its hash), upload
/// (multipart, stored by SHA-256 with its custody entry), export as a signed ASiC-E package; and
/// /api/v1/evidence/verify, which checks an uploaded package pinned to this installation's custody key.
/// </summary>
public static class EvidenceApi
{
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var evidence = app.MapGroup("/api/v1/cases/{reference}/evidence").WithTags("Evidence").WithProblems();
        evidence.MapGet("/", ListEvidenceAsync).WithName("ListEvidence").WithSummary("A case's evidence, each stored file checked against its hash (logged)");
        evidence.MapPost("/", UploadEvidenceAsync).RequireAuthorization(Policies.CaseWriter).DisableAntiforgery().WithMetadata(new RequestSizeLimitMetadata(MaxUploadBytes))
            .WithName("UploadEvidence").WithSummary("Store a file in a case (multipart: file, method, source; content-addressed by SHA-256; logged)");
        evidence.MapGet("/export", ExportPackageAsync).WithName("ExportEvidencePackage").WithSummary("The case's signed evidence package (ZIP): files, hashes, custody log proofs, signed head")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        app.MapPost("/api/v1/evidence/verify", VerifyPackageAsync).WithTags("Evidence").WithProblems().DisableAntiforgery().WithMetadata(new RequestSizeLimitMetadata(MaxUploadBytes))
            .WithName("VerifyEvidencePackage").WithSummary("Check an evidence package (multipart field package): hashes, CAdES signature, inclusion proofs, pinned to this installation's custody key");
        return app;
    }

    public static async Task<Ok<Page<EvidenceEntry>>> ListEvidenceAsync(HttpContext http, EvidenceService evidence, string reference, long? offset, int? limit) =>
        TypedResults.Ok(await evidence.ListAsync(http.User.Actor(), reference, PageRequest.Of(offset, limit), http.RequestAborted));

    public static async Task<Created<EvidenceItem>> UploadEvidenceAsync(HttpContext http, EvidenceService evidence, string reference, IFormFile file, [FromForm] string method, [FromForm] string source)
    {
        await using var content = file.OpenReadStream();
        var item = await evidence.AddUploadAsync(http.User.Actor(), reference, content, file.FileName, method, source, http.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{Uri.EscapeDataString(reference)}/evidence", item);
    }

    public static async Task<FileContentHttpResult> ExportPackageAsync(HttpContext http, EvidenceService evidence, string reference)
    {
        var buffer = new MemoryStream();
        var summary = await evidence.ExportAsync(http.User.Actor(), reference, buffer, http.RequestAborted);
        http.Response.Headers["X-Cairn-Root-Hash"] = summary.RootHash;
        return TypedResults.File(buffer.ToArray(), "application/zip", $"{reference}-evidence.zip");
    }

    public static async Task<Ok<PackageCheck>> VerifyPackageAsync(EvidenceService evidence, IFormFile package, CancellationToken cancellationToken)
    {
        await using var stream = package.OpenReadStream();
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return TypedResults.Ok(evidence.VerifyPinnedToInstallation(copy));
    }

    /// <summary>Raises Kestrel's body limit for one endpoint (the default stays small for JSON).</summary>
    internal sealed class RequestSizeLimitMetadata(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
