using System.Text;
using System.Text.Json;
using Cairn.Cases.Cases;
using Cairn.Core;

namespace Cairn.Exchange.Ivms101;

/// <summary>
/// Reads an IVMS101 identity payload (interVASP Messaging Standard 101, 2020 and 101.2023) in
/// either JSON encoding: the standard's canonical JSON (camelCase, <c>accountNumber</c>,
/// <c>nameIdentifierType: "LEGL"</c>) and the protobuf-JSON TRISA writes (<c>originator_persons</c>,
/// <c>account_numbers</c>, <c>NATURAL_PERSON_NAME_TYPE_CODE_LEGL</c>), plus CODE's PascalCase
/// entities, TRISA's tolerated synonyms (<c>nameIdentifiers</c>, <c>lastName</c>) and the 2023
/// renames (<c>originatorPerson</c>, <c>naturalPersonNameIdentifierType</c>). A payload may be
/// wrapped (TRISA <c>identity</c>, OpenVASP <c>IVMS101</c>, <c>ivms101</c>, <c>identityPayload</c>,
/// <c>payload</c>); the wrapper's network (TRISA <c>transaction.network</c>, OpenVASP
/// <c>asset.slip0044</c>) names the chain of accounts whose format does not.
/// Anything else is refused with one line saying what and where; nothing is half-read.
/// </summary>
public static class Ivms101Reader
{
    private static readonly string[] PayloadKeys = ["originator", "beneficiary", "originatingvasp", "beneficiaryvasp"];

    private static readonly HashSet<string> AllowedKeys = new(StringComparer.Ordinal)
    {
        "originator", "beneficiary", "originatingvasp", "beneficiaryvasp", "transferpath", "payloadmetadata", "@type",
    };

    private static readonly string[] Wrappers = ["ivms101", "identitypayload", "identity", "payload"];

    public static Ivms101Import Read(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new CairnException($"{source} is not JSON (line {ex.LineNumber + 1}): {ex.Message.Split(" LineNumber")[0]}", ex);
        }
        using (document)
        {
            var root = new Ivms101Node(document.RootElement, "$", source);
            if (root.Kind != JsonValueKind.Object)
                throw root.Invalid("the document must be a JSON object");
            var (payload, network) = Locate(root);
            foreach (var property in payload.Value.EnumerateObject())
                if (!AllowedKeys.Contains(Ivms101Node.Normalize(property.Name)))
                    throw payload.Invalid($"unexpected key '{property.Name}' at {payload.Path}");
            var subjects = new List<CaseSubject>();
            var wallets = new List<CaseWallet>();
            ReadParty(payload.Get("originator"), "originator", network, subjects, wallets);
            ReadParty(payload.Get("beneficiary"), "beneficiary", network, subjects, wallets);
            ReadVasp(payload.Get("originatingvasp"), "originatingvasp", "originating VASP", subjects);
            ReadVasp(payload.Get("beneficiaryvasp"), "beneficiaryvasp", "beneficiary VASP", subjects);
            if (subjects.Count == 0 && wallets.Count == 0)
                throw payload.Invalid("it names no person and no account");
            return new Ivms101Import(subjects.Distinct().ToList(), wallets.DistinctBy(w => (w.Chain, w.Address)).ToList());
        }
    }

    /// <summary>The payload object itself or inside a known wrapper, and the network the wrapper names.</summary>
    private static (Ivms101Node Payload, string? Network) Locate(Ivms101Node root)
    {
        if (PayloadKeys.Any(k => root.Get(k) is not null)) return (root, null);
        foreach (var wrapper in Wrappers)
            if (root.Get(wrapper) is { Kind: JsonValueKind.Object } inner && PayloadKeys.Any(k => inner.Get(k) is not null))
                return (inner, root.Get("transaction")?.Text("network") ?? root.Get("asset")?.Text("slip0044"));
        var keys = string.Join(", ", root.Value.EnumerateObject().Select(p => p.Name).Take(8));
        throw root.Invalid($"no originator, beneficiary, originatingVASP or beneficiaryVASP (top-level keys: {(keys.Length == 0 ? "none" : keys)})");
    }

    private static void ReadParty(Ivms101Node? party, string role, string? network, List<CaseSubject> subjects, List<CaseWallet> wallets)
    {
        if (party is not { } found || found.Kind == JsonValueKind.Null) return;
        var value = found.RequireObject();
        if (value.Get(role + "persons", role + "person") is { } persons)
        {
            foreach (var person in persons.Items())
            {
                person.RequireObject();
                var natural = person.Get("naturalperson");
                var legal = person.Get("legalperson");
                if (natural is null && legal is null)
                    throw person.Invalid($"{person.Path} has neither naturalPerson nor legalPerson");
                if (natural is { } n) subjects.Add(NaturalPerson(n.RequireObject(), "IVMS101 " + role));
                if (legal is { } l) subjects.Add(LegalPerson(l.RequireObject(), "IVMS101 " + role));
            }
        }
        if (value.Get("accountnumber", "accountnumbers") is { } accounts)
        {
            foreach (var account in accounts.Items())
            {
                if (account.Kind != JsonValueKind.String)
                    throw account.Invalid($"{account.Path} must be a string (an account number)");
                if (account.Value.GetString() is not { } text || text.Trim().Length == 0) continue;
                var parsed = AccountNumber.Parse(text, network);
                var label = "IVMS101 " + role + (parsed.Tag is null ? "" : parsed.Chain == "xrp" ? $"; destination tag {parsed.Tag}" : $"; tag/memo {parsed.Tag}");
                wallets.Add(new CaseWallet(parsed.Chain, parsed.Address, WalletRole.Unknown, label));
            }
        }
    }

    private static void ReadVasp(Ivms101Node? vasp, string innerKey, string role, List<CaseSubject> subjects)
    {
        if (vasp is not { } found || found.Kind == JsonValueKind.Null) return;
        var value = found.RequireObject();
        var person = value.Get(innerKey) is { } inner ? inner.RequireObject() : value;
        if (person.Get("legalperson") is { } legal) subjects.Add(LegalPerson(legal.RequireObject(), "IVMS101 " + role));
        else if (person.Get("naturalperson") is { } natural) subjects.Add(NaturalPerson(natural.RequireObject(), "IVMS101 " + role));
        else throw person.Invalid($"{person.Path} has neither legalPerson nor naturalPerson");
    }

    private static CaseSubject NaturalPerson(Ivms101Node person, string role)
    {
        var name = BestName(person, n =>
        {
            var primary = n.Text("primaryidentifier", "lastname", "surname", "familyname") ?? "";
            var secondary = n.Text("secondaryidentifier", "firstname") ?? "";
            return ((secondary + " " + primary).Trim(), n.Code("nameidentifiertype", "naturalpersonnameidentifiertype"));
        }) ?? throw person.Invalid($"{person.Path} has no name (name.nameIdentifier[].primaryIdentifier)");
        return new CaseSubject(SubjectKind.Person, name, Details(person, role, "countryofresidence"));
    }

    private static CaseSubject LegalPerson(Ivms101Node person, string role)
    {
        var name = BestName(person, n =>
            (n.Text("legalpersonname", "name") ?? "", n.Code("legalpersonnameidentifiertype")))
            ?? throw person.Invalid($"{person.Path} has no name (name.nameIdentifier[].legalPersonName)");
        return new CaseSubject(SubjectKind.Organisation, name, Details(person, role, "countryofregistration"));
    }

    /// <summary>The legal name (type LEGL) if present, else the first non-empty one; local-script names only when there is no other.</summary>
    private static string? BestName(Ivms101Node person, Func<Ivms101Node, (string Text, string? Type)> format)
    {
        if (person.Get("name", "names") is not { } name) return null;
        foreach (var local in new[] { false, true })
        {
            var candidates = Identifiers(name, local).Where(n => n.Kind == JsonValueKind.Object).Select(format).Where(c => c.Text.Length > 0).ToList();
            if (candidates.Count > 0) return candidates.FirstOrDefault(c => c.Type == "LEGL").Text ?? candidates[0].Text;
        }
        return null;
    }

    /// <summary>
    /// 2020: <c>name</c> is an object holding <c>nameIdentifier[]</c> (and <c>localNameIdentifier[]</c>);
    /// some writers send an array of such objects; 101.2023 sends the identifiers themselves as the array.
    /// </summary>
    private static IEnumerable<Ivms101Node> Identifiers(Ivms101Node name, bool local) => name.Items().SelectMany(n =>
    {
        var key = local ? "localnameidentifier" : "nameidentifier";
        if (n.Get(key, key + "s") is { } list) return list.Items();
        var isContainer = n.Get("nameidentifier", "nameidentifiers", "localnameidentifier", "localnameidentifiers", "phoneticnameidentifier", "phoneticnameidentifiers") is not null;
        return local || isContainer ? [] : new[] { n };
    });

    private static string Details(Ivms101Node person, string role, string countryKey)
    {
        var details = new StringBuilder(role);
        if (person.Text(countryKey, "country") is { } country) details.Append("; country ").Append(country);
        if (person.Text("customeridentification", "customernumber") is { } customer) details.Append("; customer ").Append(customer);
        if (person.Get("nationalidentification") is { Kind: JsonValueKind.Object } id && id.Text("nationalidentifier", "number", "identifiernumber") is { } number)
            details.Append("; national id ").Append(number).Append(' ').Append(id.Code("nationalidentifiertype") ?? "");
        if (person.Get("dateandplaceofbirth", "dob") is { Kind: JsonValueKind.Object } birth)
            details.Append("; born ").Append(birth.Text("dateofbirth", "dob") ?? "").Append(' ').Append(birth.Text("placeofbirth", "pob") ?? "");
        return details.ToString().Trim();
    }
}
