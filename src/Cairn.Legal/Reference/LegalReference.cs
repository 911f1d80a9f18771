using Cairn.Core;
using Cairn.Legal.Forms;

namespace Cairn.Legal.Reference;

/// <summary>The loaded reference data: every jurisdiction, instrument and official form, looked up by code and id.</summary>
public sealed class LegalReference
{
    private readonly Dictionary<string, Jurisdiction> _jurisdictions;
    private readonly Dictionary<string, Instrument> _instruments;
    private readonly Dictionary<string, OfficialForm> _forms;

    public LegalReference(IEnumerable<Jurisdiction> jurisdictions, IEnumerable<Instrument> instruments, IEnumerable<OfficialForm>? forms = null)
    {
        _jurisdictions = jurisdictions.ToDictionary(j => j.Code, StringComparer.Ordinal);
        _instruments = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
        _forms = (forms ?? []).ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<Jurisdiction> Jurisdictions => _jurisdictions.Values;

    public IReadOnlyCollection<Instrument> Instruments => _instruments.Values;

    public IReadOnlyCollection<OfficialForm> Forms => _forms.Values;

    public bool IsKnownState(string code) => _jurisdictions.ContainsKey(code);

    public bool IsEuMember(string code) => _jurisdictions.TryGetValue(code, out var j) && j.EuMember;

    /// <summary>A jurisdiction that is not an independent State (Hong Kong, Gibraltar, Aruba…), per the ISO data's independence flag.</summary>
    public bool IsTerritory(string code) => _jurisdictions.TryGetValue(code, out var j) && !j.Independent;

    /// <summary>The jurisdiction for an ISO 3166-1 alpha-2 code (case-insensitive); unknown codes are a user error naming the code.</summary>
    public Jurisdiction Jurisdiction(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = code.Trim().ToUpperInvariant();
        return _jurisdictions.TryGetValue(normalised, out var j)
            ? j
            : throw new CairnException($"unknown state code '{code}': not an ISO 3166-1 alpha-2 code Cairn knows");
    }

    public Instrument Instrument(string id) =>
        _instruments.TryGetValue(id, out var i) ? i : throw new NotFoundException($"unknown instrument '{id}': expected one of {string.Join(", ", _instruments.Keys.Order(StringComparer.Ordinal))}");

    public (Instrument Instrument, LegalRule Rule) Rule(string ruleId)
    {
        foreach (var instrument in _instruments.Values)
            foreach (var rule in instrument.Rules)
                if (rule.Id == ruleId) return (instrument, rule);
        throw new NotFoundException($"unknown legal rule '{ruleId}'");
    }

    /// <summary>
    /// The rule as a request from <paramref name="requesting"/> to <paramref name="requested"/> cites it: under a
    /// bilateral hub, the pair's own treaty and its articles (<see cref="BilateralCitations"/>); otherwise as it stands.
    /// </summary>
    public (Instrument Instrument, LegalRule Rule) RuleBetween(string ruleId, string requesting, string requested)
    {
        var (instrument, rule) = Rule(ruleId);
        return BilateralCitations.TreatyOf(instrument, requesting, requested) is { } treaty
            ? (instrument, BilateralCitations.ForTreaty(rule, TreatyName(instrument, treaty), treaty))
            : (instrument, rule);
    }

    /// <summary>A bilateral hub treaty in words, with the States' English names.</summary>
    public string TreatyName(Instrument instrument, InstrumentParty treaty) =>
        BilateralCitations.TreatyName(instrument, treaty, code => Jurisdiction(code).Name);

    public bool IsKnownRule(string ruleId) => _instruments.Values.Any(i => i.Rules.Any(r => r.Id == ruleId));

    public OfficialForm Form(string id) =>
        _forms.TryGetValue(id, out var f) ? f : throw new NotFoundException($"unknown official form '{id}'");

    /// <summary>The official form used for <paramref name="measure"/> under <paramref name="instrumentId"/>, if the instrument has one.</summary>
    public OfficialForm? FormFor(string instrumentId, string measure) =>
        _forms.Values.Where(f => f.InstrumentId == instrumentId && f.Measures.Contains(measure, StringComparer.Ordinal))
            .OrderBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault();
}
