using System.Globalization;
using Cairn.Legal.Requests;

namespace Cairn.Legal.Documents;

/// <summary>
/// The long lists of a request as annex tables (wallets with amounts, transactions, persons, evidence):
/// forms and letters refer to them by number instead of packing them into free-text fields.
/// </summary>
internal sealed class AnnexTables
{
    private readonly List<DocumentTable> _tables = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _words;

    public AnnexTables(LegalRequest request, Dictionary<string, string> words)
    {
        _words = words;
        Request = request;
    }

    public LegalRequest Request { get; }

    public IReadOnlyList<DocumentTable> Tables => _tables;

    /// <summary>The annex number for a table key (assets, transactions, subjects, evidence), adding the table on first use.</summary>
    public int NumberOf(string key)
    {
        if (_numbers.TryGetValue(key, out var number)) return number;
        var (title, columns, rows) = key switch
        {
            "assets" => (_words["wallets"], new[] { _words["service"], _words["jurisdiction"], _words["address"], _words["amount"] }, Assets()),
            "transactions" => (_words["transactions"], new[] { _words["service"], _words["transaction"] }, Transactions()),
            "subjects" => (_words["subjects"], new[] { _words["person"] }, Lines("person_identity")),
            _ => (_words["evidence"], new[] { _words["item"] }, Lines("evidence")),
        };
        number = _tables.Count + 1;
        _numbers[key] = number;
        _tables.Add(new DocumentTable(DocumentWords.F(_words["annex"], number, title), columns, rows.Count > 0 ? rows : [[.. columns.Select((_, i) => i == 0 ? _words["missing"] : "")]]));
        return number;
    }

    private List<IReadOnlyList<string>> Assets()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var finding in Request.Findings)
        {
            var amounts = string.Join("; ", finding.Amounts.Select(a => $"{a.Human} ({a.BaseUnits.ToString(CultureInfo.InvariantCulture)} base units)"));
            if (finding.Addresses.Count == 0) rows.Add([finding.ActorName, finding.Jurisdiction, "", amounts]);
            // The amounts reached the service as a whole; they are printed once, on its first address.
            for (var i = 0; i < finding.Addresses.Count; i++)
                rows.Add([finding.ActorName, finding.Jurisdiction, finding.Addresses[i], i == 0 ? amounts : ""]);
        }
        return rows;
    }

    private List<IReadOnlyList<string>> Transactions() =>
        Request.Findings.SelectMany(f => f.TransactionIds.Select(t => (IReadOnlyList<string>)[f.ActorName, t])).ToList();

    private List<IReadOnlyList<string>> Lines(string contentId) =>
        Request.Contents.TryGetValue(contentId, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => (IReadOnlyList<string>)[l]).ToList()
            : [];
}
