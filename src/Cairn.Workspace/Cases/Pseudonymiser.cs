using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cairn.Cases.Cases;

namespace Cairn.Workspace.Cases;

/// <summary>
/// Replaces the personal data of a case's natural persons with pseudonyms for one export: a name
/// becomes <c>person-&lt;10 hex&gt;</c>, an identifier <c>&lt;kind&gt;-&lt;10 hex&gt;</c>, the
/// free-text details are withheld. A pseudonym is HMAC-SHA256 under a random key made for this
/// export and never stored (GDPR art. 4(5): the additional information is kept separately; here
/// it is not kept at all), so the same person has the same pseudonym throughout the export and
/// different ones in two exports. Every known value (and every word of a name of 3 letters or
/// more) is also replaced wherever it appears in the export's text (notes, labels, reasons,
/// ledger entries). Organisations, addresses, amounts and flows are kept. A live share uses the keyed
/// constructor instead (<see cref="CasePrivacy"/>): one key per case and receiving agency, derived from the
/// installation secret, so the agency sees the same pseudonyms on every page and every day.
/// </summary>
public sealed class Pseudonymiser : IDisposable
{
    public const string Withheld = "[withheld]";

    private readonly HMACSHA256 _hmac;
    private readonly Dictionary<string, string> _replacements = new(StringComparer.Ordinal);

    /// <summary>Pseudonyms under a random key made now and never stored (an export).</summary>
    public Pseudonymiser()
        : this(RandomNumberGenerator.GetBytes(32))
    {
    }

    /// <summary>Pseudonyms under <paramref name="key"/> (a live share: the same key gives the same pseudonyms).</summary>
    public Pseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _hmac = new HMACSHA256(key);
    }

    public string Pseudonym(string prefix, string value)
    {
        var mac = _hmac.ComputeHash(Encoding.UTF8.GetBytes(prefix + "\n" + value.Trim()));
        return $"{prefix}-{Convert.ToHexStringLower(mac)[..10]}";
    }

    /// <summary>The subject with its personal data replaced (natural persons only); remembers every value for <see cref="Scrub"/>.</summary>
    public CaseSubject Subject(CaseSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Kind != SubjectKind.Person) return subject;
        var name = Pseudonym("person", subject.Name);
        Remember(subject.Name, name);
        foreach (var word in Regex.Split(subject.Name, @"[^\p{L}\p{M}'-]+").Where(w => w.Length >= 3)) Remember(word, name);
        if (subject.Details.Trim().Length > 0) Remember(subject.Details, Withheld);
        var identifiers = subject.Identifiers.Select(i =>
        {
            var pseudonym = Pseudonym(i.Kind, i.Value);
            Remember(i.Value, pseudonym);
            return i with { Value = pseudonym };
        }).ToList();
        return subject with { Name = name, Details = subject.Details.Trim().Length > 0 ? Withheld : "", Identifiers = identifiers };
    }

    /// <summary>Replaces every remembered value in every string of <paramref name="node"/> (longest first, whole words).</summary>
    public void Scrub(JsonNode? node) => Scrub(node, static _ => false);

    /// <summary>As <see cref="Scrub(JsonNode?)"/>, leaving alone the values of properties for which <paramref name="keep"/> is true (references and ids other objects are found by).</summary>
    public void Scrub(JsonNode? node, Func<string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (keep(key)) continue;
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text)) obj[key] = ScrubText(text);
                    else Scrub(obj[key], keep);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text)) array[i] = ScrubText(text);
                    else Scrub(array[i], keep);
                }
                break;
        }
    }

    /// <summary>A person known only by name and details (a victim): remembered as a person subject is.</summary>
    public void Person(string name, string details)
    {
        ArgumentNullException.ThrowIfNull(name);
        _ = Subject(new CaseSubject(SubjectKind.Person, name, details ?? ""));
    }

    public string ScrubText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (value, pseudonym) in _replacements.OrderByDescending(r => r.Key.Length))
        {
            if (text.Contains(value, StringComparison.OrdinalIgnoreCase))
                text = Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(value)}(?![\p{{L}}\p{{N}}])", pseudonym.Replace("$", "$$", StringComparison.Ordinal), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        return text;
    }

    private void Remember(string value, string pseudonym)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > 0) _replacements.TryAdd(trimmed, pseudonym);
    }

    public void Dispose() => _hmac.Dispose();
}
