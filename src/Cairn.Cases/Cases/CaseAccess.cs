namespace Cairn.Cases.Cases;

/// <summary>
/// What an agency may do with a case, in increasing order: nothing (the case is not found for it),
/// read it, contribute to it (add traces, evidence and request drafts), or everything as its owner
/// (edit, record ledger events, share and revoke).
/// </summary>
public enum CaseAccess
{
    None,
    Read,
    Contribute,
    Owner,
}
