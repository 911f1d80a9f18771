using Cairn.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cairn.Server.Api;

/// <summary>
/// Turns the application's errors into RFC 9457 problem details, in one place: an error about one
/// parameter (<see cref="CairnException.Field"/>) is a 400 validation problem keyed by that field,
/// another user error (<see cref="CairnException"/>) a 400 with its one-line message, not found 404,
/// a lost update 409, a body too large 413; anything else is 500 with no detail (the message may
/// hold internals; it goes to the log only).
/// </summary>
public sealed class ProblemMapping : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;
    private readonly ILogger<ProblemMapping> _logger;

    public ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger)
    {
        _problems = problems;
        _logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found", e.Message),
            ForbiddenException e => (StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            ConcurrencyException e => (StatusCodes.Status409Conflict, "Conflict", e.Message),
            CairnException { Field: not null } e => (StatusCodes.Status400BadRequest, "One or more validation errors occurred.", e.Message),
            CairnException e => (StatusCodes.Status400BadRequest, "Bad request", e.Message),
            BadHttpRequestException e => (e.StatusCode, e.StatusCode == 413 ? "Request too large" : "Bad request", e.Message),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "Bad request", "malformed JSON body"),
            OperationCanceledException => (StatusCodes.Status499ClientClosedRequest, "Cancelled", "the request was cancelled"),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "internal error (see the server log)"),
        };
        if (status >= 500) _logger.LogError(exception, "unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        var oneLine = detail.ReplaceLineEndings(" ");
        ProblemDetails problem = exception is CairnException { Field: { } field }
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [oneLine] }) { Status = status, Title = title, Detail = oneLine }
            : new ProblemDetails { Status = status, Title = title, Detail = oneLine };
        return await _problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
