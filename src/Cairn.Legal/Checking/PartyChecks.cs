using Cairn.Legal.Reference;

namespace Cairn.Legal.Checking;

/// <summary>One party entry: a source, dates in the order consent follows signature and entry into force follows consent, and sourced declarations.</summary>
internal static class PartyChecks
{
    public static void Check(InstrumentParty party, Action<string> problem)
    {
        var state = party.State;
        if (string.IsNullOrWhiteSpace(party.Source)) problem($"{state} has no source");
        if (party.Signature is { } signed && party.Ratification is { } ratified && ratified < signed && party.Consent is not ("accession" or "succession"))
            problem($"{state} ratified ({ratified:yyyy-MM-dd}) before signing ({signed:yyyy-MM-dd})");
        if (party.Ratification is { } deposit && party.InForce is { } inForce && inForce < deposit)
            problem($"{state} in force ({inForce:yyyy-MM-dd}) before its consent was deposited ({deposit:yyyy-MM-dd})");
        if (party.Withdrawal is { } withdrawal)
        {
            if (withdrawal.Notified is { } notified && withdrawal.Effective < notified)
                problem($"{state}'s withdrawal takes effect ({withdrawal.Effective:yyyy-MM-dd}) before it was notified ({notified:yyyy-MM-dd})");
            if (party.InForce is { } from && withdrawal.Effective < from)
                problem($"{state}'s withdrawal takes effect before its entry into force");
            if (string.IsNullOrWhiteSpace(withdrawal.Source) && string.IsNullOrWhiteSpace(party.Source))
                problem($"{state}'s withdrawal has no source");
        }
        foreach (var suspension in party.Suspensions.Where(s => s.To is { } to && to < s.From))
            problem($"{state}'s suspension ends ({suspension.To:yyyy-MM-dd}) before it begins ({suspension.From:yyyy-MM-dd})");
        if (party.Terminated is { } terminated && party.InForce is { } start && terminated < start)
            problem($"{state}'s treaty is terminated before it entered into force");
        foreach (var declaration in party.Declarations)
        {
            if (declaration.Effect is not null && string.IsNullOrWhiteSpace(declaration.Source) && string.IsNullOrWhiteSpace(party.Source))
                problem($"{state}'s declaration {declaration.Id} has no source");
            if (declaration.From is { } from && declaration.To is { } to && to < from)
                problem($"{state}'s declaration {declaration.Id} ends ({to:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd})");
        }
    }
}
