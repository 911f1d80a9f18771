using Cairn.Core;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;

namespace Cairn.Legal.Documents;

/// <summary>
/// Lays a request out in its language (English or French templates). Content items are printed
/// under the rule's own labels with their citations, so the reader sees which article each
/// paragraph answers; unverified legal facts are flagged in the text.
/// </summary>
public static class RequestComposer
{
    private static readonly Dictionary<string, Dictionary<string, string>> Templates = new(StringComparer.Ordinal)
    {
        ["en"] = new(StringComparer.Ordinal)
        {
            ["title"] = "Request for {0}", ["parties"] = "Requesting and requested States", ["from"] = "Requesting State: {0}",
            ["to"] = "Requested State: {0}", ["basis"] = "Legal basis", ["channel"] = "Channel: {0}", ["urgent"] = "URGENT",
            ["contents"] = "Contents of the request", ["missing"] = "[to be completed]", ["evidence"] = "Wallets, transactions and amounts",
            ["deadlines"] = "Time limits", ["unverified"] = "Note: this legal basis includes facts not verified against the official text.",
            ["reference"] = "Reference: {0}",
        },
        ["fr"] = new(StringComparer.Ordinal)
        {
            ["title"] = "Demande de {0}", ["parties"] = "États requérant et requis", ["from"] = "État requérant : {0}",
            ["to"] = "État requis : {0}", ["basis"] = "Base juridique", ["channel"] = "Voie de transmission : {0}", ["urgent"] = "URGENT",
            ["contents"] = "Contenu de la demande", ["missing"] = "[à compléter]", ["evidence"] = "Portefeuilles, transactions et montants",
            ["deadlines"] = "Délais", ["unverified"] = "Remarque : cette base juridique comporte des éléments non vérifiés par rapport au texte officiel.",
            ["reference"] = "Référence : {0}",
        },
    };

    private static readonly Dictionary<string, (string En, string Fr)> MeasureNames = new(StringComparer.Ordinal)
    {
        [Measures.Preservation] = ("expedited preservation of stored data", "conservation rapide de données stockées"),
        [Measures.TrafficData] = ("disclosure of traffic data", "divulgation de données relatives au trafic"),
        [Measures.SubscriberInfo] = ("subscriber information", "informations relatives aux abonnés"),
        [Measures.StoredContent] = ("stored content", "contenu stocké"),
        [Measures.Freeze] = ("freezing of assets", "gel d'avoirs"),
        [Measures.Seizure] = ("seizure", "saisie"),
        [Measures.Confiscation] = ("confiscation", "confiscation"),
        [Measures.AssetReturn] = ("return of assets", "restitution d'avoirs"),
        [Measures.Testimony] = ("taking of testimony", "audition de témoins"),
        [Measures.FiuExchange] = ("financial intelligence", "renseignement financier"),
        [Measures.DomainRegistration] = ("domain registration information", "informations d'enregistrement de nom de domaine"),
        [Measures.JointInvestigation] = ("a joint investigation team", "une équipe commune d'enquête"),
    };

    public static RequestDocument Compose(LegalRequest request, LegalReference reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        if (!Templates.TryGetValue(request.Language, out var t)) throw new CairnException($"no template for language '{request.Language}': expected en or fr");
        var (instrument, rule) = reference.Rule(request.RuleId);
        var measureName = request.Language == "fr" ? MeasureNames[request.Measure].Fr : MeasureNames[request.Measure].En;
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, t["title"], measureName) + (request.Urgent ? " — " + t["urgent"] : "");

        var sections = new List<DocumentSection>
        {
            new(t["parties"], [F(t["reference"], request.Id), F(t["from"], reference.Jurisdiction(request.RequestingState).Name), F(t["to"], reference.Jurisdiction(request.RequestedState).Name)]),
            new(t["basis"], Basis(request, instrument, rule, t)),
            new(t["contents"], rule.ContentsFor(request.Measure, request.Urgent)
                .Select(item => $"{item.LabelIn(request.Language)} ({item.Citation}): {(request.Contents.TryGetValue(item.Id, out var text) && !string.IsNullOrWhiteSpace(text) ? text : t["missing"])}")
                .ToList()),
        };
        if (request.Findings.Count > 0)
            sections.Add(new(t["evidence"], request.Findings.Select(f => RequestDrafter.DescribeFindings([f], request.RequestedState)).ToList()));
        var deadlines = rule.DeadlinesFor(request.Urgent).Select(d => $"{d.Label} ({d.Citation})").ToList();
        if (deadlines.Count > 0) sections.Add(new(t["deadlines"], deadlines));
        return new RequestDocument(request.Id, request.Language, title, sections);
    }

    private static List<string> Basis(LegalRequest request, Instrument instrument, LegalRule rule, Dictionary<string, string> t)
    {
        var lines = new List<string> { $"{instrument.Title} — {rule.Citation}", F(t["channel"], request.Channel) };
        if (!rule.Verified) lines.Add(t["unverified"]);
        return lines;
    }

    private static string F(string template, string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value);
}
