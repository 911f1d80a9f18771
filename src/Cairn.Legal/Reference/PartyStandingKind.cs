namespace Cairn.Legal.Reference;

/// <summary>Where a State stands toward an instrument on a date.</summary>
public enum PartyStandingKind
{
    /// <summary>Bound on the date.</summary>
    Bound,

    /// <summary>Absent from a complete list (or not an EU Member State / an excluded one): not a party.</summary>
    NotParty,

    /// <summary>Absent from a partial list: unknown, possibly a party.</summary>
    Unknown,

    /// <summary>Signed, no consent to be bound recorded.</summary>
    SignatoryOnly,

    /// <summary>Consent given, entry into force for it (or the instrument's application) after the date.</summary>
    NotYetInForce,

    /// <summary>Denounced or withdrew, effective on or before the date.</summary>
    Withdrawn,

    /// <summary>Participation or treaty suspended on the date.</summary>
    Suspended,

    /// <summary>Bilateral treaty terminated on or before the date.</summary>
    Terminated,
}
