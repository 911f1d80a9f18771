namespace Cairn.Cases.Agencies;

/// <summary>
/// What a user may do. Case visibility is decided by agency (own cases and explicit grants);
/// roles decide which actions are open within what is visible.
/// </summary>
public enum Role
{
    /// <summary>Traces, screens, opens and edits cases, adds evidence.</summary>
    Investigator,

    /// <summary>Drafts and moves legal requests; reads cases and evidence.</summary>
    Prosecutor,

    /// <summary>Screens and exchanges with partner FIUs; reads cases.</summary>
    FiuAnalyst,

    /// <summary>Records freezes, seizures, confiscations and returns in the asset ledger.</summary>
    AssetRecoveryOfficer,

    /// <summary>Reads everything of the agency and verifies the custody log; changes nothing.</summary>
    Auditor,

    /// <summary>Manages accounts of the installation; sees case data only through an agency like anyone else.</summary>
    Admin,
}
