using System.Text.Json;
using Cairn.Core;

namespace Cairn.Workspace.Retention;

/// <summary>
/// The retention section of the installation's configuration file, <c>cairn.json</c> in the data
/// directory (docs/operations.md):
/// <code>{ "retention": { "personal_data": { "keep_days": 1825 }, "evidence_files": { "keep_days": 3650 } } }</code>
/// Classes: case_data, personal_data, evidence_files, received_disclosures. A class left out is kept.
/// A malformed file or an unknown class is an error naming the file and the place, never a silent default.
/// </summary>
public static class RetentionConfiguration
{
    public const string FileName = "cairn.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static IReadOnlyList<RetentionPolicy> Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        var days = RetentionPolicy.Classes.ToDictionary(c => c, _ => (int?)null, StringComparer.Ordinal);
        if (File.Exists(path))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new CairnException($"{path}: malformed JSON at line {(ex.LineNumber ?? 0) + 1}: {ex.Message.Split('.')[0]}", ex);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object) throw new CairnException($"{path}: expected a JSON object");
                if (document.RootElement.TryGetProperty("retention", out var retention))
                {
                    if (retention.ValueKind != JsonValueKind.Object) throw new CairnException($"{path}: 'retention' must be an object of data classes");
                    foreach (var entry in retention.EnumerateObject())
                    {
                        if (!days.ContainsKey(entry.Name))
                            throw new CairnException($"{path}: retention.{entry.Name}: unknown data class (expected {string.Join(", ", RetentionPolicy.Classes)})");
                        if (entry.Value.ValueKind != JsonValueKind.Object || !entry.Value.TryGetProperty("keep_days", out var keep)
                            || keep.ValueKind != JsonValueKind.Number || !keep.TryGetInt32(out var value) || value < 0 || value > 365 * 200)
                            throw new CairnException($"{path}: retention.{entry.Name}.keep_days must be a whole number of days from 0 to 73000");
                        days[entry.Name] = value;
                    }
                }
            }
        }
        return RetentionPolicy.Classes.Select(c => new RetentionPolicy(c, days[c])).ToList();
    }
}
