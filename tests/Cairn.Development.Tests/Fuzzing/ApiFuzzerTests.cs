using System.Net;
using Cairn.Development.Fuzzing;

namespace Cairn.Development.Tests.Fuzzing;

/// <summary>
/// How the API fuzzer tells Kestrel's own refusals from the app's: Kestrel answers a request line it cannot accept (an encoded
/// NUL in the path: <c>curl /api/v1/cases/AB%00CD/export</c> gives <c>400</c>, <c>Content-Length: 0</c>, <c>Connection: close</c>
/// and nothing else) before any middleware; the app's refusals carry its security headers and a problem body.
/// </summary>
public class ApiFuzzerTests
{
    [Fact]
    public void AnEmpty400ThatClosesTheConnectionWithoutTheAppsHeaders_IsKestrelsRefusal()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.ConnectionClose = true;

        Assert.True(ApiFuzzer.IsRefusedByKestrel(response, ""));
    }

    [Fact]
    public void A400FromTheApp_IsNotTakenForKestrels_EvenWhenEmpty()
    {
        using var fromApp = new HttpResponseMessage(HttpStatusCode.BadRequest);
        fromApp.Headers.ConnectionClose = true;
        fromApp.Headers.TryAddWithoutValidation("X-Content-Type-Options", "nosniff");
        using var keptOpen = new HttpResponseMessage(HttpStatusCode.BadRequest);
        using var withBody = new HttpResponseMessage(HttpStatusCode.BadRequest);
        withBody.Headers.ConnectionClose = true;
        using var notFound = new HttpResponseMessage(HttpStatusCode.NotFound);
        notFound.Headers.ConnectionClose = true;

        Assert.False(ApiFuzzer.IsRefusedByKestrel(fromApp, ""));
        Assert.False(ApiFuzzer.IsRefusedByKestrel(keptOpen, ""));
        Assert.False(ApiFuzzer.IsRefusedByKestrel(withBody, "bad request"));
        Assert.False(ApiFuzzer.IsRefusedByKestrel(notFound, ""));
    }
}
