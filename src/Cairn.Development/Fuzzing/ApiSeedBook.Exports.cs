using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Cairn.Development.Demo;

namespace Cairn.Development.Fuzzing;

/// <summary>
/// The case the evidence export runs on. A package proves every custody entry about its case and its files, and each export
/// is itself such an entry (who took a copy, and when: part of the chain of custody), so on one case the n-th export proves
/// 2n more entries than the first: the cost of a case grew with the number of cases before it (0.75 → 0.4 cases a second over
/// 2,500 cases in session 11). The fuzz pass therefore moves to a fresh case every <see cref="ExportsPerCase"/> cases: made
/// through the API, holding the demo case's evidence file with its method and source, so its packages have the same files,
/// signature and proofs, over a history no longer than one block of cases.
/// </summary>
public sealed partial class ApiSeedBook
{
    /// <summary>Export cases on one case before the next fresh case; the first block runs on the demo case itself.</summary>
    public int ExportsPerCase { get; set; } = 500;

    private int _exports;

    private int _exportCases;

    private string _exportCase = DemoPipeline.CaseReference;

    private async Task<ApiCaseState> ExportCaseAsync(IReadOnlyDictionary<string, string> paths, CancellationToken cancellationToken)
    {
        if (_exports > 0 && _exports % ExportsPerCase == 0) _exportCase = await FreshExportCaseAsync(cancellationToken).ConfigureAwait(false);
        _exports++;
        return new ApiCaseState(With(paths, "reference", _exportCase), NoReplacements);
    }

    /// <summary>A new case of the fuzzing user's agency with the demo case's evidence file uploaded (same bytes, name, method and source).</summary>
    private async Task<string> FreshExportCaseAsync(CancellationToken cancellationToken)
    {
        var reference = $"FUZZ-EXPORT-{(++_exportCases).ToString(CultureInfo.InvariantCulture)}";
        await SendAsync(_http, HttpMethod.Post, "/api/v1/cases", new { reference, title = "Case whose evidence the fuzz pass exports", offence_type = "ransomware" }, cancellationToken).ConfigureAwait(false);
        var (fileName, content, method, source) = DemoEvidenceFile();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(method), "method");
        form.Add(new StringContent(source), "source");
        using var response = await _http.PostAsync(new Uri($"/api/v1/cases/{reference}/evidence", UriKind.Relative), form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/v1/cases/{reference}/evidence (seeding): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        return reference;
    }

    /// <summary>The first file of the demo case's package (exported when the book was loaded), with the name, method and source its manifest gives.</summary>
    private (string FileName, byte[] Content, string Method, string Source) DemoEvidenceFile()
    {
        using var zip = new ZipArchive(new MemoryStream(_package ?? throw new InvalidOperationException("the demo case's package was not exported when the seed book was loaded")), ZipArchiveMode.Read);
        JsonNode manifest;
        using (var stream = zip.GetEntry("manifest.json")!.Open()) manifest = JsonNode.Parse(stream)!;
        var first = manifest["files"]!.AsArray().FirstOrDefault() ?? throw new InvalidOperationException("the demo case's package holds no file");
        var content = new MemoryStream();
        using (var stream = zip.GetEntry(first["path"]!.GetValue<string>())!.Open()) stream.CopyTo(content);
        return (first["file_name"]!.GetValue<string>(), content.ToArray(), first["method"]!.GetValue<string>(), first["source"]!.GetValue<string>());
    }
}
