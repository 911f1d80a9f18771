using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Ledger;
using Cairn.Cases.Notifications;
using Cairn.Legal.Loading;
using Cairn.Legal.Reference;
using Cairn.Legal.Requests;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Labels;

namespace Cairn.Workspace.Tests.Labels;

/// <summary>Every code the UI can show has words in the one catalogue, from the enumerations themselves and from the legal reference data.</summary>
public sealed class LabelCatalogueTests
{
    private static readonly LegalReference Reference = LegalDataLoader.Load(null);
    private static readonly LabelService Labels = new(Reference);

    public static TheoryData<string, string> Codes()
    {
        var data = new TheoryData<string, string>();
        // A code listed by two sources (the channel enumeration and the legal rules) is one case, not two.
        var seen = new HashSet<(string, string)>();
        void Add(string group, IEnumerable<string> codes)
        {
            foreach (var code in codes)
                if (seen.Add((group, code))) data.Add(group, code);
        }
        static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
        Add("role", Enum.GetNames<Role>());
        Add("agency_kind", Enum.GetNames<AgencyKind>().Select(Snake));
        Add("grant_level", Enum.GetNames<GrantLevel>().Select(Snake));
        Add("case_access", Enum.GetNames<CaseAccess>().Select(Snake));
        Add("case_status", Enum.GetNames<CaseStatus>().Select(Snake));
        Add("wallet_role", Enum.GetNames<WalletRole>().Select(Snake));
        Add("subject_kind", Enum.GetNames<SubjectKind>().Select(Snake));
        Add("subject_role", Enum.GetNames<SubjectRole>().Select(Snake));
        Add("offence_type", OffenceTypes.All);
        Add("identifier_kind", IdentifierKinds.All);
        Add("chain", WalletChains.All);
        Add("request_status", Enum.GetValues<RequestStatus>().Select(RequestLifecycle.Name));
        Add("measure", Measures.All);
        Add("channel", Channels.All);
        Add("ledger_event", Enum.GetValues<LedgerEventKind>().Select(LedgerEventKinds.Name));
        Add("notification_kind", NotificationKinds.All);
        Add("message_type", Enum.GetValues<Cairn.Exchange.Envelopes.EnvelopeType>().Select(Cairn.Exchange.Envelopes.EnvelopeTypes.Name));
        Add("request_type", Reference.Instruments.SelectMany(i => i.Rules).Select(r => r.RequestType));
        Add("deadline_kind", Reference.Instruments.SelectMany(i => i.Rules).SelectMany(r => r.Deadlines).Select(d => d.Kind));
        Add("channel", Reference.Instruments.SelectMany(i => i.Rules).Select(r => r.Channel));
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasWords(string group, string code)
    {
        Assert.True(Labels.Labels.Groups.TryGetValue(group, out var words), $"no label group '{group}'");
        Assert.True(words.TryGetValue(code, out var text) && !string.IsNullOrWhiteSpace(text), $"no words for {group} '{code}'");
    }

    [Fact]
    public void TheExamplesOfTheIssue_ReadAsWords()
    {
        Assert.Equal("24/7 network (Budapest Art 35)", Labels.Label("channel", "contact_24_7"));
        Assert.Equal("FIU analyst", Labels.Label("role", "FiuAnalyst"));
        Assert.Equal("Asset-recovery officer", Labels.Label("role", "AssetRecoveryOfficer"));
        Assert.Equal("Return to victim", Labels.Label("ledger_event", "return_to_victim"));
        Assert.Equal("Germany", Labels.Label("state", "DE"));
    }

    [Fact]
    public void StatesAndInstruments_ComeFromTheReferenceData_AndTheVersionIsStable()
    {
        Assert.Equal(Reference.Jurisdictions.Count, Labels.Labels.Groups["state"].Count);
        Assert.Equal(Reference.Instruments.Count, Labels.Labels.Groups["instrument"].Count);
        Assert.Equal(Labels.Labels.Version, new LabelService(Reference).Labels.Version);
    }
}
