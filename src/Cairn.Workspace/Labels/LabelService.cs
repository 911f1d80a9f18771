using System.Security.Cryptography;
using System.Text;
using Cairn.Legal.Reference;

namespace Cairn.Workspace.Labels;

/// <summary>
/// The label catalogue: <see cref="LabelCatalogue.Static"/> plus what the legal reference data
/// names (States by ISO code, instruments by id with their short titles). Built once; its
/// <see cref="LabelSet.Version"/> (a hash) lets clients cache it.
/// </summary>
public sealed class LabelService
{
    private readonly Lazy<LabelSet> _labels;

    public LabelService(LegalReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _labels = new Lazy<LabelSet>(() => Build(reference));
    }

    public LabelSet Labels => _labels.Value;

    /// <summary>The words for <paramref name="code"/> in <paramref name="group"/>, or the code itself when the catalogue has none.</summary>
    public string Label(string group, string code) =>
        Labels.Groups.TryGetValue(group, out var words) && words.TryGetValue(code, out var text) ? text : code;

    private static LabelSet Build(LegalReference reference)
    {
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>(LabelCatalogue.Static, StringComparer.Ordinal)
        {
            ["state"] = reference.Jurisdictions.OrderBy(j => j.Code, StringComparer.Ordinal).ToDictionary(j => j.Code, j => j.Name, StringComparer.Ordinal),
            ["instrument"] = reference.Instruments.OrderBy(i => i.Id, StringComparer.Ordinal)
                .ToDictionary(i => i.Id, i => string.IsNullOrWhiteSpace(i.ShortTitle) ? i.Title : i.ShortTitle, StringComparer.Ordinal),
        };
        var text = new StringBuilder();
        foreach (var (group, words) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            foreach (var (code, label) in words.OrderBy(w => w.Key, StringComparer.Ordinal))
                text.Append(group).Append('\t').Append(code).Append('\t').Append(label).Append('\n');
        return new LabelSet(groups, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16]);
    }
}
