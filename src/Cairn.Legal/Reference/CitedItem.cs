namespace Cairn.Legal.Reference;

/// <summary>
/// A cited element of a rule: a required content item, a refusal ground or a condition.
/// <see cref="AppliesTo"/> restricts it to some measures; <see cref="UrgentOnly"/> to urgent requests.
/// </summary>
public sealed record CitedItem(string Id, string Label, string? LabelFr, string Citation, IReadOnlyList<string> AppliesTo, bool UrgentOnly)
{
    public string? LabelDe { get; init; }

    public bool AppliesFor(string measure, bool urgent) =>
        (AppliesTo.Count == 0 || AppliesTo.Contains(measure, StringComparer.Ordinal)) && (!UrgentOnly || urgent);

    /// <summary>The label in the request's language (en, fr, de), English where the data has no translation.</summary>
    public string LabelIn(string language) => language switch
    {
        "fr" when LabelFr is not null => LabelFr,
        "de" when LabelDe is not null => LabelDe,
        _ => Label,
    };
}
