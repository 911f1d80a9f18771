using System.Text;
using System.Text.Json.Nodes;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
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
    private readonly CasePrivacy _privacy;

    public CaseExportService(CaseService cases, LedgerService ledger, CustodyService custody, TimeProvider time, CasePrivacy privacy)
    {
        _privacy = privacy;
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
        if (CasePrivacy.IsMasked(actor, found))
        {
            // Shared with this agency pseudonymised: the case came masked, the ledger is masked here, both under this share's
            // key, so the file carries the pseudonyms the agency sees on its pages (and never the names, whatever it asked).
            using var mask = await _privacy.MaskAsync(actor, found.Reference, cancellationToken).ConfigureAwait(false)
                ?? throw new CairnException($"case '{reference}' is no longer shared with agency '{actor.Agency}'");
            json = CairnJson.WriteIndented(new CaseExport(CaseExport.CurrentFormat, _time.GetUtcNow(), actor.ToString(), true,
                "Shared with your agency pseudonymised: personal data of natural persons and victims are the pseudonyms of this share (keyed HMAC-SHA256, the same on every page and export for your agency); addresses, amounts and flows are unchanged.",
                found, mask.Apply(ledger)));
        }
        else if (pseudonymise)
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
