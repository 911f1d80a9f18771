using Cairn.Cases.Agencies;
using Cairn.Cases.Evidence;
using Cairn.Cases.Traces;
using Cairn.Storage;
using Cairn.Storage.Evidence;

namespace Cairn.Workspace.Tracing;

/// <summary>
/// Attaches a saved trace's result to its case as an evidence file (stored by SHA-256 with its
/// custody entry), so a package for a court or a foreign authority carries what the trace showed
/// and the request and chain tip it ran on.
/// </summary>
public static class TraceEvidence
{
    public static async Task<EvidenceItem> AttachAsync(CairnDatabase database, Actor actor, string caseReference, CaseTrace trace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var folder = Directory.CreateTempSubdirectory("cairn-trace-");
        try
        {
            var path = Path.Combine(folder.FullName, $"trace-{trace.Id}.json");
            await File.WriteAllTextAsync(path, trace.ResultJson, cancellationToken).ConfigureAwait(false);
            return await new SqlEvidenceStore(database).AddAsync(actor, caseReference, path, "trace-export",
                $"Cairn trace {trace.Id} (tip {trace.TipHeight} {trace.TipHash}), request {trace.RequestJson}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
