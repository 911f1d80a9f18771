namespace Cairn.Cases.Deconfliction;

/// <summary>
/// An address recorded in a case of another agency, as the deconfliction check sees it: the owning agency and the address, nothing
/// else of the case. It never leaves the check (the hit notice names the other agency and the receiver's own address only).
/// </summary>
public sealed record ForeignWallet(string Agency, string Address);
