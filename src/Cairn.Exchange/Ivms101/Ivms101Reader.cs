using System.Text;
using System.Text.Json;
using Cairn.Cases.Cases;
using Cairn.Core;

namespace Cairn.Exchange.Ivms101;

/// <summary>
/// Reads an IVMS101 identity payload (interVASP Messaging Standard 101, 2020 and 101.2023 JSON):
/// <c>originator.originatorPersons[]</c>, <c>beneficiary.beneficiaryPersons[]</c> (each a
/// <c>naturalPerson</c> or <c>legalPerson</c>), their <c>accountNumber[]</c>, and
/// <c>originatingVASP</c>/<c>beneficiaryVASP</c>. Keys are matched case-insensitively, because
/// travel-rule networks differ (CODE writes "Originator"), and an outer wrapper object
/// ("ivms101", "identityPayload") is unwrapped.
/// </summary>
public static class Ivms101Reader
{
    public static Ivms101Import Read(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CairnException($"{source} is not JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = Unwrap(document.RootElement);
            var originator = Property(root, "originator");
            var beneficiary = Property(root, "beneficiary");
            if (originator is null && beneficiary is null)
                throw new CairnException($"{source} has neither an IVMS101 originator nor a beneficiary");
            var subjects = new List<CaseSubject>();
            var wallets = new List<CaseWallet>();
            ReadParty(originator, "originatorPersons", "originator", subjects, wallets);
            ReadParty(beneficiary, "beneficiaryPersons", "beneficiary", subjects, wallets);
            ReadVasp(Property(root, "originatingVASP"), "originatingVASP", "originating VASP", subjects);
            ReadVasp(Property(root, "beneficiaryVASP"), "beneficiaryVASP", "beneficiary VASP", subjects);
            return new Ivms101Import(subjects, wallets.DistinctBy(w => (w.Chain, w.Address)).ToList());
        }
    }

    /// <summary>"eth" for 0x-addresses, else "btc"; the analyst can correct it in the case.</summary>
    public static string GuessChain(string address) =>
        address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? "eth" : "btc";

    private static JsonElement Unwrap(JsonElement root)
    {
        foreach (var wrapper in new[] { "ivms101", "identityPayload", "payload" })
            if (Property(root, wrapper) is { ValueKind: JsonValueKind.Object } inner) return inner;
        return root;
    }

    private static void ReadParty(JsonElement? party, string personsKey, string role, List<CaseSubject> subjects, List<CaseWallet> wallets)
    {
        if (party is not { ValueKind: JsonValueKind.Object } value) return;
        foreach (var person in Items(Property(value, personsKey)))
            if (Subject(person, "IVMS101 " + role) is { } subject) subjects.Add(subject);
        foreach (var account in Items(Property(value, "accountNumber")))
            if (account.ValueKind == JsonValueKind.String && account.GetString() is { Length: > 0 } address)
                wallets.Add(new CaseWallet(GuessChain(address), address.Trim(), WalletRole.Unknown, "IVMS101 " + role));
    }

    private static void ReadVasp(JsonElement? vasp, string innerKey, string role, List<CaseSubject> subjects)
    {
        if (vasp is not { ValueKind: JsonValueKind.Object } value) return;
        var person = Property(value, innerKey) ?? value;
        if (Subject(person, "IVMS101 " + role) is { } subject) subjects.Add(subject);
    }

    private static CaseSubject? Subject(JsonElement person, string role)
    {
        if (Property(person, "naturalPerson") is { ValueKind: JsonValueKind.Object } natural)
        {
            var name = Names(natural, n =>
            {
                var primary = Property(n, "primaryIdentifier")?.GetString() ?? "";
                var secondary = Property(n, "secondaryIdentifier")?.GetString() ?? "";
                return (secondary + " " + primary).Trim();
            });
            return name is null ? null : new CaseSubject(SubjectKind.Person, name, Details(natural, role, "countryOfResidence"));
        }
        if (Property(person, "legalPerson") is { ValueKind: JsonValueKind.Object } legal)
        {
            var name = Names(legal, n => Property(n, "legalPersonName")?.GetString() ?? "");
            return name is null ? null : new CaseSubject(SubjectKind.Organisation, name, Details(legal, role, "countryOfRegistration"));
        }
        return null;
    }

    /// <summary>The legal name (type LEGL) if present, else the first non-empty one.</summary>
    private static string? Names(JsonElement person, Func<JsonElement, string> format)
    {
        // 2020: name is an object with nameIdentifier[]; some implementations write name as an array of those objects.
        var names = Property(person, "name") is { } name
            ? (name.ValueKind == JsonValueKind.Array ? name.EnumerateArray().SelectMany(n => Items(Property(n, "nameIdentifier"))) : Items(Property(name, "nameIdentifier")))
            : [];
        var candidates = names.Select(n => (Text: format(n), Type: Property(n, "nameIdentifierType")?.GetString() ?? Property(n, "legalPersonNameIdentifierType")?.GetString())).Where(c => c.Text.Length > 0).ToList();
        return candidates.FirstOrDefault(c => c.Type == "LEGL").Text ?? candidates.FirstOrDefault().Text;
    }

    private static string Details(JsonElement person, string role, string countryKey)
    {
        var details = new StringBuilder(role);
        if (Property(person, countryKey)?.GetString() is { Length: > 0 } country) details.Append("; country ").Append(country);
        if (Property(person, "customerIdentification")?.GetString() is { Length: > 0 } customer) details.Append("; customer ").Append(customer);
        if (Property(person, "nationalIdentification") is { ValueKind: JsonValueKind.Object } id && Property(id, "nationalIdentifier")?.GetString() is { Length: > 0 } number)
            details.Append("; national id ").Append(number).Append(' ').Append(Property(id, "nationalIdentifierType")?.GetString() ?? "");
        if (Property(person, "dateAndPlaceOfBirth") is { ValueKind: JsonValueKind.Object } birth)
            details.Append("; born ").Append(Property(birth, "dateOfBirth")?.GetString() ?? "").Append(' ').Append(Property(birth, "placeOfBirth")?.GetString() ?? "");
        return details.ToString().Trim();
    }

    private static IEnumerable<JsonElement> Items(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().ToList(),
        { ValueKind: JsonValueKind.Object } single => [single],
        { ValueKind: JsonValueKind.String } text => [text],
        _ => [],
    };

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }
}
