namespace Cairn.Legal.Reference;

/// <summary>
/// The vocabulary of a rule's dual-criminality entry (docs/legal-data.md, "Dual criminality"). The loader
/// rejects other values and maps the synonym research files used (<c>required_optional</c>, the requested
/// State may refuse, as in ETS 141 Art 18(1)(f)) to its canonical word.
/// </summary>
public static class DualCriminalityRules
{
    /// <summary>A condition: the conduct must be an offence in the requested State too (e.g. after an ETS 185 Art 29(4) reservation).</summary>
    public const string Required = "required";

    /// <summary>The rule sets no such condition (ETS 185 Art 29(3)).</summary>
    public const string NotRequired = "not_required";

    /// <summary>Not a question for this rule (intelligence exchange, return of assets already confiscated).</summary>
    public const string NotApplicable = "not_applicable";

    /// <summary>The requested State may refuse where it is not met (UNTOC Art 18(9), UNCAC Art 46(9)(b), ETS 141 Art 18(1)(f)).</summary>
    public const string OptionalRefusal = "optional_refusal";

    /// <summary>Only for coercive measures (CETS 198 Art 28(1)(g)).</summary>
    public const string CoerciveOnly = "coercive_only";

    /// <summary>As the requested State's law provides (ETS 185 Art 25(5)).</summary>
    public const string PerRequestedLaw = "per_requested_law";

    /// <summary>As the applicable bilateral treaty provides.</summary>
    public const string PerTreaty = "per_treaty";

    /// <summary>Only where the requested State made a reservation (ETS 030 Art 5).</summary>
    public const string ReservationDependent = "reservation_dependent";

    /// <summary>Not verified for a listed category of offences (Directive 2014/41/EU Annex D; Regulation (EU) 2018/1805 Art 3(1)).</summary>
    public const string ListExempt = "list_exempt";

    /// <summary>The requested body acts only where it would on a domestic case (CETS 198 Art 47(2)(b)).</summary>
    public const string DomesticStandard = "domestic_standard";

    public static readonly IReadOnlyList<string> All =
        [Required, NotRequired, NotApplicable, OptionalRefusal, CoerciveOnly, PerRequestedLaw, PerTreaty, ReservationDependent, ListExempt, DomesticStandard];

    /// <summary>The canonical word for <paramref name="value"/>, or null when it is not in the vocabulary.</summary>
    public static string? Normalize(string value) => value switch
    {
        "required_optional" => OptionalRefusal,
        _ when All.Contains(value, StringComparer.Ordinal) => value,
        _ => null,
    };
}
