using Cairn.Legal.Reference;

namespace Cairn.Legal.Documents;

/// <summary>Each measure in words, in English, French and German, as a request title names it.</summary>
public static class MeasureWords
{
    private static readonly Dictionary<string, (string En, string Fr, string De)> Names = new(StringComparer.Ordinal)
    {
        [Measures.Preservation] = ("expedited preservation of stored data", "conservation rapide de données stockées", "umgehende Sicherung gespeicherter Daten"),
        [Measures.TrafficData] = ("disclosure of traffic data", "divulgation de données relatives au trafic", "Herausgabe von Verkehrsdaten"),
        [Measures.SubscriberInfo] = ("subscriber information", "informations relatives aux abonnés", "Bestandsdaten (Teilnehmerinformationen)"),
        [Measures.StoredContent] = ("stored content", "contenu stocké", "gespeicherte Inhalte"),
        [Measures.Freeze] = ("freezing of assets", "gel d'avoirs", "Sicherstellung (Einfrieren) von Vermögenswerten"),
        [Measures.Seizure] = ("seizure", "saisie", "Beschlagnahme"),
        [Measures.Confiscation] = ("confiscation", "confiscation", "Einziehung"),
        [Measures.AssetReturn] = ("return of assets", "restitution d'avoirs", "Rückgabe von Vermögenswerten"),
        [Measures.Testimony] = ("taking of testimony", "audition de témoins", "Zeugenvernehmung"),
        [Measures.FiuExchange] = ("financial intelligence", "renseignement financier", "Finanzinformationen"),
        [Measures.DomainRegistration] = ("domain registration information", "informations d'enregistrement de nom de domaine", "Registrierungsdaten von Domainnamen"),
        [Measures.JointInvestigation] = ("a joint investigation team", "une équipe commune d'enquête", "eine gemeinsame Ermittlungsgruppe"),
        [Measures.RealtimeTrafficData] = ("real-time collection of traffic data", "collecte en temps réel de données relatives au trafic", "Erhebung von Verkehrsdaten in Echtzeit"),
        [Measures.Interception] = ("interception of content data", "interception de données relatives au contenu", "Überwachung von Inhaltsdaten"),
        [Measures.BankingInformation] = ("information on accounts and transactions", "informations sur des comptes et des opérations", "Auskünfte über Konten und Transaktionen"),
        [Measures.TransactionPostponement] = ("postponement of transactions", "report de transactions", "Aufschub von Transaktionen"),
        [Measures.AssetTracing] = ("asset tracing information", "informations de dépistage d'avoirs", "Informationen zur Vermögensermittlung"),
        [Measures.ExpeditedDisclosure] = ("expedited disclosure of preserved traffic data", "divulgation rapide de données relatives au trafic conservées", "umgehende Weitergabe gesicherter Verkehrsdaten"),
    };

    public static string In(string measure, string language)
    {
        if (!Names.TryGetValue(measure, out var names)) return measure.Replace('_', ' ');
        return language switch { "fr" => names.Fr, "de" => names.De, _ => names.En };
    }
}
