using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Core.Json;

namespace Cairn.Workspace.Cases;

/// <summary>
/// What one agency may see of one case shared with it pseudonymised: every name, identifier and detail of the case's natural
/// persons and victims replaced by its pseudonym wherever it appears in what is handed out (<see cref="Pseudonymiser"/>),
/// under the key of this case and agency (<see cref="CasePrivacy"/>). References, ids, agencies, chains and addresses are
/// left alone: they are how the case and its objects are found, and addresses and flows are what the recipient needs.
/// </summary>
public sealed class CaseMask : IDisposable
{
    private readonly Pseudonymiser _pseudonyms;

    public CaseMask(string caseId, string reference, Pseudonymiser pseudonyms)
    {
        CaseId = caseId;
        Reference = reference;
        _pseudonyms = pseudonyms;
    }

    public string CaseId { get; }

    public string Reference { get; }

    /// <summary>Whether the value of a JSON property named <paramref name="name"/> (snake_case) is kept as it is.</summary>
    public static bool Kept(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name is "id" or "reference" or "agency" or "chain" or "address" or "addresses" or "txid" or "sha256" or "level" or "access" or "kind" or "role" or "status"
            || name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_ids", StringComparison.Ordinal) || name.EndsWith("_reference", StringComparison.Ordinal)
            || name.EndsWith("_agency", StringComparison.Ordinal) || name.EndsWith("_sha256", StringComparison.Ordinal);
    }

    /// <summary>The JSON tree with the personal data replaced (in place).</summary>
    public JsonNode? Apply(JsonNode? node)
    {
        _pseudonyms.Scrub(node, Kept);
        return node;
    }

    /// <summary>A copy of <paramref name="value"/> with the personal data replaced, through its JSON form (what the API and `--json` print).</summary>
    public T Apply<T>(T value)
    {
        var tree = JsonNode.Parse(CairnJson.Serialize(value));
        Apply(tree);
        return tree is null ? value : tree.Deserialize<T>(CairnJson.Options)!;
    }

    public string Text(string text) => _pseudonyms.ScrubText(text);

    public void Dispose() => _pseudonyms.Dispose();
}
