namespace Cairn.Legal.Reference;

/// <summary>
/// A time limit an instrument sets. <see cref="From"/> is the step it runs from: "sent", "acknowledged"
/// (receipt by the requested State) or "deadline:&lt;id&gt;" (runs from the latest date of another limit,
/// e.g. EIO execution 90 days after the recognition decision, Directive 2014/41/EU Art 12(4)).
/// Kinds: obligation (the requested side must act by then), target (as soon as possible, no fixed
/// period), extension (latest date if extended), minimum_retention (data kept at least this long).
/// </summary>
public sealed record DeadlineRule(string Id, string Label, string Kind, int Amount, DeadlineUnit Unit, string From, string Citation, bool UrgentOnly)
{
    public TimeSpan Length => Unit == DeadlineUnit.Hours ? TimeSpan.FromHours(Amount) : TimeSpan.FromDays(Amount);

    public bool HasFixedPeriod => Kind != "target";
}
