using System.Text;
using System.Text.Json.Nodes;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core.Json;
using Cairn.Workspace.Custody;
using Cairn.Workspace.Ledger;

namespace Cairn.Workspace.Cases;

/// <summary>
/// Exports a case as JSON (<see cref="CaseExport"/>), optionally pseudonymised for a recipient who
/// needs the flows, not the names. The reads are logged as usual, the export as "case.export" with
/// the SHA-256 of the bytes handed out (docs/operations.md).
/// </summary>
public sealed class CaseExportService
{
    private readonly CaseService _cases;
    private readonly LedgerService _ledger;
    private readonly CustodyService _custody;
    private readonly TimeProvider _time;

    public CaseExportService(CaseService cases, LedgerService ledger, CustodyService custody, TimeProvider time)
    {
        _cases = cases;
        _ledger = ledger;
        _custody = custody;
        _time = time;
    }

    /// <summary>The export as indented UTF-8 JSON.</summary>
    public async Task<byte[]> ExportAsync(Actor actor, string reference, bool pseudonymise, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await _cases.GetAsync(actor, reference, cancellationToken).ConfigureAwait(false);
        var ledger = await _ledger.GetAsync(actor, reference, cancellationToken).ConfigureAwait(false);
        string json;
        if (pseudonymise)
        {
            using var pseudonyms = new Pseudonymiser();
            var masked = found with { Subjects = found.Subjects.Select(pseudonyms.Subject).ToList() };
            var export = new CaseExport(CaseExport.CurrentFormat, _time.GetUtcNow(), actor.ToString(), true,
                "Personal data of natural persons are replaced by pseudonyms made for this export only (keyed HMAC-SHA256, key not kept); addresses, amounts and flows are unchanged.",
                masked, ledger);
            var tree = JsonNode.Parse(CairnJson.Serialize(export))!;
            pseudonyms.Scrub(tree["case"]);
            pseudonyms.Scrub(tree["ledger"]);
            json = tree.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = CairnJson.Options.Encoder });
        }
        else
        {
            json = CairnJson.WriteIndented(new CaseExport(CaseExport.CurrentFormat, _time.GetUtcNow(), actor.ToString(), false,
                "Contains personal data of the case's subjects.", found, ledger));
        }
        var bytes = Encoding.UTF8.GetBytes(json);
        await _custody.RecordAsync(actor, "case.export", "case", found.Id, CustodyRecord.HashOf(bytes), cancellationToken).ConfigureAwait(false);
        return bytes;
    }
}
