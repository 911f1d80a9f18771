namespace Cairn.Legal.Documents;

/// <summary>The fixed words of letters and form renderings in English, French and German (Cairn's own wording).</summary>
internal static class DocumentWords
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new(StringComparer.Ordinal)
    {
        ["en"] = new(StringComparer.Ordinal)
        {
            ["title"] = "Request for {0}", ["header"] = "Sender, addressee and reference", ["from"] = "From: {0}", ["to"] = "To: {0}",
            ["requesting"] = "Requesting State: {0}", ["requested"] = "Requested State: {0}", ["date"] = "Date: {0}", ["reference"] = "Reference: {0}",
            ["case"] = "Case: {0}", ["basis"] = "Legal basis", ["channel"] = "Channel: {0}", ["urgent"] = "URGENT",
            ["contents"] = "Contents of the request", ["missing"] = "[to be completed]", ["deadlines"] = "Time limits",
            ["unverified"] = "Not verified against the official sources: {0}", ["informal"] = "Informal channel: this is not a legal basis for the request.",
            ["signature"] = "Signature", ["place_date"] = "Place and date: ____________________", ["name_function"] = "Name and function: ____________________",
            ["sign_stamp"] = "Signature and official stamp: ____________________", ["annex"] = "Annex {0}: {1}", ["see_annex"] = "see Annex {0}",
            ["wallets"] = "Wallets and amounts", ["transactions"] = "Transactions", ["subjects"] = "Persons concerned", ["evidence"] = "Evidence",
            ["service"] = "Service", ["jurisdiction"] = "Jurisdiction", ["address"] = "Address", ["amount"] = "Amount", ["transaction"] = "Transaction",
            ["person"] = "Person", ["item"] = "Item", ["form_source"] = "Form wording: {0}; text from EUR-Lex ({1}), © European Union, reused under Commission Decision 2011/833/EU.",
            ["wording_unverified"] = "The form's wording in this language was not verified against the Official Journal text.",
            ["accepted"] = "Languages accepted: {0}",
        },
        ["fr"] = new(StringComparer.Ordinal)
        {
            ["title"] = "Demande de {0}", ["header"] = "Expéditeur, destinataire et référence", ["from"] = "De : {0}", ["to"] = "À : {0}",
            ["requesting"] = "État requérant : {0}", ["requested"] = "État requis : {0}", ["date"] = "Date : {0}", ["reference"] = "Référence : {0}",
            ["case"] = "Affaire : {0}", ["basis"] = "Base juridique", ["channel"] = "Voie de transmission : {0}", ["urgent"] = "URGENT",
            ["contents"] = "Contenu de la demande", ["missing"] = "[à compléter]", ["deadlines"] = "Délais",
            ["unverified"] = "Non vérifié par rapport aux sources officielles : {0}", ["informal"] = "Voie informelle : elle ne constitue pas une base juridique pour la demande.",
            ["signature"] = "Signature", ["place_date"] = "Lieu et date : ____________________", ["name_function"] = "Nom et fonction : ____________________",
            ["sign_stamp"] = "Signature et cachet officiel : ____________________", ["annex"] = "Annexe {0} : {1}", ["see_annex"] = "voir l'annexe {0}",
            ["wallets"] = "Portefeuilles et montants", ["transactions"] = "Transactions", ["subjects"] = "Personnes concernées", ["evidence"] = "Éléments de preuve",
            ["service"] = "Service", ["jurisdiction"] = "Juridiction", ["address"] = "Adresse", ["amount"] = "Montant", ["transaction"] = "Transaction",
            ["person"] = "Personne", ["item"] = "Élément", ["form_source"] = "Libellé du formulaire : {0} ; texte d'EUR-Lex ({1}), © Union européenne, réutilisé conformément à la décision 2011/833/UE de la Commission.",
            ["wording_unverified"] = "Le libellé du formulaire dans cette langue n'a pas été vérifié par rapport au texte du Journal officiel.",
            ["accepted"] = "Langues acceptées : {0}",
        },
        ["de"] = new(StringComparer.Ordinal)
        {
            ["title"] = "Ersuchen um {0}", ["header"] = "Absender, Empfänger und Aktenzeichen", ["from"] = "Von: {0}", ["to"] = "An: {0}",
            ["requesting"] = "Ersuchender Staat: {0}", ["requested"] = "Ersuchter Staat: {0}", ["date"] = "Datum: {0}", ["reference"] = "Aktenzeichen: {0}",
            ["case"] = "Verfahren: {0}", ["basis"] = "Rechtsgrundlage", ["channel"] = "Übermittlungsweg: {0}", ["urgent"] = "EILT",
            ["contents"] = "Inhalt des Ersuchens", ["missing"] = "[noch auszufüllen]", ["deadlines"] = "Fristen",
            ["unverified"] = "Nicht anhand der amtlichen Quellen überprüft: {0}", ["informal"] = "Informeller Weg: keine Rechtsgrundlage für das Ersuchen.",
            ["signature"] = "Unterschrift", ["place_date"] = "Ort und Datum: ____________________", ["name_function"] = "Name und Funktion: ____________________",
            ["sign_stamp"] = "Unterschrift und Dienstsiegel: ____________________", ["annex"] = "Anlage {0}: {1}", ["see_annex"] = "siehe Anlage {0}",
            ["wallets"] = "Wallets und Beträge", ["transactions"] = "Transaktionen", ["subjects"] = "Betroffene Personen", ["evidence"] = "Beweismittel",
            ["service"] = "Dienst", ["jurisdiction"] = "Rechtsordnung", ["address"] = "Adresse", ["amount"] = "Betrag", ["transaction"] = "Transaktion",
            ["person"] = "Person", ["item"] = "Gegenstand", ["form_source"] = "Wortlaut des Formulars: {0}; Text aus EUR-Lex ({1}), © Europäische Union, weiterverwendet nach Beschluss 2011/833/EU der Kommission.",
            ["wording_unverified"] = "Der Wortlaut des Formulars in dieser Sprache wurde nicht mit dem Text des Amtsblatts abgeglichen.",
            ["accepted"] = "Akzeptierte Sprachen: {0}",
        },
    };

    public static Dictionary<string, string> For(string language) =>
        Words.TryGetValue(language, out var words) ? words : throw new Core.CairnException($"no template for language '{language}': expected en, fr or de");

    public static string F(string template, params object[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);
}
