namespace Cairn.Development.Fuzzing;

/// <summary>
/// What <see cref="ApiFuzzer"/> starts one operation from: path values that name real objects of the installation,
/// request bodies (or query strings) the server accepts as they are, and what changes between cases. Mutations of an
/// accepted request reach the handler behind the validation; a made-up id or an outdated version stops every case at a 404
/// or a 409 (issue 17: 45 operations accepted no case in session 9 for that reason).
/// </summary>
/// <param name="PathValues">Values by path parameter name, for this operation (one name, such as <c>{id}</c>, can mean a request, a trace or a token).</param>
/// <param name="Bodies">Valid JSON bodies, or query strings for operations without a JSON body; empty: the sample built from the OpenAPI schema.</param>
public sealed record ApiSeed(IReadOnlyDictionary<string, string> PathValues, IReadOnlyList<string> Bodies)
{
    /// <summary>
    /// Read or restored before every case (the case's current version, a fresh pending ledger event to approve, a watch to
    /// remove): the path values and the text replacements in the body that hold at that moment. Null: nothing changes.
    /// </summary>
    public Func<CancellationToken, Task<ApiCaseState>>? BeforeEachCase { get; init; }

    /// <summary>
    /// Forms the server accepts, for an operation whose body is multipart/form-data (its parts: files and text fields); empty: a
    /// form sampled from the OpenAPI schema. The case's replacements apply to each part that is UTF-8 text.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ApiFormPart>> Forms { get; init; } = [];
}
