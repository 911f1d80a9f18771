using Cairn.Core;

namespace Cairn.Exchange.Fiu;

/// <summary>
/// The third-party rule for FIU disclosures: a disclosure received by agency R from FIU D may be
/// attached to a case owned by R (use for the stated purpose) or by D itself; attaching it to a
/// case of any other agency T is onward dissemination and needs D's recorded consent for T.
/// (Egmont Principles for Information Exchange, 2013, "Unauthorised use"; FATF R.40 INR.)
/// </summary>
public static class OnwardDisseminationRule
{
    /// <summary>Throws <see cref="CairnException"/> naming the disclosure, the case and the missing consent when attaching is not allowed.</summary>
    public static void EnsureMayAttach(string disclosureId, DisclosureTerms terms, string receivingAgency, string caseReference, string caseOwningAgency, IReadOnlyCollection<string> recordedConsents)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(recordedConsents);
        if (caseOwningAgency == receivingAgency || caseOwningAgency == terms.DisclosingAgency) return;
        if (recordedConsents.Contains(caseOwningAgency)) return;
        throw new CairnException(
            $"disclosure {disclosureId} from {terms.DisclosingAgency} cannot be attached to case {caseReference} of agency {caseOwningAgency}: " +
            $"no recorded consent of {terms.DisclosingAgency} to onward dissemination to {caseOwningAgency} (Egmont Principles, prior consent)");
    }
}
