namespace Cairn.Legal.Requests.Validation;

/// <summary>
/// One validation of a request: who (<see cref="By"/> of <see cref="Agency"/>, acting in <see cref="Role"/>), when,
/// under which requirement (<see cref="Citation"/>), and on which version of its text (<see cref="ContentSha256"/>, see
/// <see cref="RequestText"/>). It holds only while the text is unchanged.
/// </summary>
public sealed record RequestValidation(string By, string Agency, string Role, DateTimeOffset At, string ContentSha256, string Citation)
{
    public bool IsCurrentFor(LegalRequest request) => string.Equals(ContentSha256, RequestText.Sha256(request), StringComparison.Ordinal);
}
