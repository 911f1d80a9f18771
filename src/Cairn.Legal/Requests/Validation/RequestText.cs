using System.Security.Cryptography;
using System.Text.Json;

namespace Cairn.Legal.Requests.Validation;

/// <summary>
/// The hash of what a request says (what a validator approves): addressee, basis, measure, form, language, urgency,
/// every content item and the trace findings. Status, history and references given later are not part of the text,
/// so moving the request does not change the hash; editing any content item does.
/// </summary>
public static class RequestText
{
    public static string Sha256(LegalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new Text(request.Id, request.RequestType, request.RequestingState, request.RequestedState, request.Measure, request.InstrumentId,
            request.RuleId, request.LegalBasis, request.Channel, request.Urgent, request.Language, request.Addressee, request.FormId, request.OffenceType,
            new SortedDictionary<string, string>(request.Contents, StringComparer.Ordinal), request.Findings);
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(text, LegalJson.Options)));
    }

    private sealed record Text(string Id, string RequestType, string RequestingState, string RequestedState, string Measure, string InstrumentId, string RuleId,
        string LegalBasis, string Channel, bool Urgent, string Language, Routing.Addressee? Addressee, string? FormId, string? OffenceType,
        SortedDictionary<string, string> Contents, List<TraceFinding> Findings);
}
