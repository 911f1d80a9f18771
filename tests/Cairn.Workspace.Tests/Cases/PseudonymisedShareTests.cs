using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Cases.Agencies;
using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Core.Json;
using Cairn.Core.Paging;
using Cairn.Storage;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;
using Cairn.Workspace.Administration;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Evidence;
using Cairn.Workspace.Ledger;
using Cairn.Workspace.Notifications;
using Cairn.Workspace.Victims;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Tests.Cases;

/// <summary>
/// Pseudonymised live shares through the real services on SQLite and PostgreSQL (docs/security.md): the owner shares a case
/// with one agency pseudonymised and with another as it is; the first agency's every read (case, list, dashboard, export,
/// victims, ledger, evidence, notifications) carries no name, identifier or detail of a person, with pseudonyms that are
/// the same on every read and in the export but differ for another pseudonymised recipient; organisations, addresses and
/// amounts stay; the owner and the plain recipient see the names; the share and the masked read are in the custody log.
/// </summary>
public sealed class PseudonymisedShareTests
{
    private const string Reference = "PSEUDO-1";
    private static readonly Actor Owner = new("olivia", "nca-uk");
    private static readonly Actor Masked = new("bruno", "bka-de");
    private static readonly Actor Plain = new("paul", "fiu-fr");
    private static readonly Actor SecondMasked = new("sara", "pol-se");

    /// <summary>What must never reach a pseudonymised recipient (compared case-insensitively).</summary>
    private static readonly string[] Personal = ["Jane", "Roe", "P7654321", "Leeds", "jane.roe@example.org", "Victor", "Smythe", "Harrogate"];

    [DatabaseTheory]
    public async Task PseudonymisedShare_RecipientReadsNoPersonalData_OwnerAndPlainRecipientDo_AndItIsLogged(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await using var services = Services(test);
        await SeedAsync(services);
        var cases = services.GetRequiredService<CaseService>();
        var shared = await cases.ShareAsync(Owner, Reference, new ShareRequest(Masked.Agency, "read", true));
        await cases.ShareAsync(Owner, Reference, new ShareRequest(Plain.Agency, "read"));
        await cases.ShareAsync(Owner, Reference, new ShareRequest(SecondMasked.Agency, "read", true));
        Assert.True(shared.Grants.Single(g => g.Agency == Masked.Agency).Pseudonymised);

        var seen = await cases.GetAsync(Masked, Reference);
        var person = seen.Subjects.Single(s => s.Kind == Cairn.Cases.Cases.SubjectKind.Person);
        Assert.Matches("^person-[0-9a-f]{10}$", person.Name);
        Assert.Matches("^passport-[0-9a-f]{10}$", person.Identifiers.Single(i => i.Kind == "passport").Value);
        Assert.Matches("^email-[0-9a-f]{10}$", person.Identifiers.Single(i => i.Kind == "email").Value);
        Assert.Equal(Pseudonymiser.Withheld, person.Details);
        Assert.Equal("Acme Exchange Ltd", seen.Subjects.Single(s => s.Kind == Cairn.Cases.Cases.SubjectKind.Organisation).Name);
        Assert.Contains($"{person.Name} sent 2 BTC to Acme Exchange Ltd", seen.Notes.Single().Text, StringComparison.Ordinal);
        Assert.Equal($"Fraud by {person.Name}", seen.Title);
        Assert.Equal("bc1qpseudonymisedshare0000000000000000000", seen.Wallets.Single().Address);

        // Every read path of the recipient, as JSON: none carries personal data.
        var reads = new Dictionary<string, string>
        {
            ["case"] = CairnJson.Serialize(seen),
            ["list"] = CairnJson.Serialize(await cases.ListAsync(Masked, PageRequest.All)),
            ["dashboard"] = CairnJson.Serialize(await services.GetRequiredService<CaseDashboardService>().GetAsync(Masked, Reference)),
            ["export (asked plain)"] = Encoding.UTF8.GetString(await services.GetRequiredService<CaseExportService>().ExportAsync(Masked, Reference, pseudonymise: false)),
            ["victims"] = CairnJson.Serialize(await services.GetRequiredService<VictimService>().ListAsync(Masked, Reference)),
            ["ledger"] = CairnJson.Serialize(await services.GetRequiredService<LedgerService>().ViewAsync(Masked, Reference, null)),
            ["evidence"] = CairnJson.Serialize(await services.GetRequiredService<EvidenceService>().ListAsync(Masked, Reference, PageRequest.All)),
            ["notifications"] = CairnJson.Serialize(await services.GetRequiredService<NotificationService>().ListAsync(Masked, false, PageRequest.All)),
        };
        foreach (var (path, json) in reads)
            foreach (var secret in Personal)
                Assert.False(json.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} shows '{secret}' to a pseudonymised recipient: {json}");
        Assert.Contains("Acme Exchange Ltd", reads["export (asked plain)"], StringComparison.Ordinal);
        Assert.Contains("250000000", reads["ledger"], StringComparison.Ordinal);
        Assert.Contains(Reference, reads["notifications"], StringComparison.Ordinal);

        // Stable for this recipient (again, and in the export), another for another recipient; the victim is a person too.
        Assert.Equal(person.Name, (await cases.GetAsync(Masked, Reference)).Subjects.Single(s => s.Id == person.Id).Name);
        Assert.Contains(person.Name, reads["export (asked plain)"], StringComparison.Ordinal);
        Assert.Contains(person.Name, reads["ledger"], StringComparison.Ordinal);
        Assert.Matches("person-[0-9a-f]{10}", reads["victims"]);
        var other = (await cases.GetAsync(SecondMasked, Reference)).Subjects.Single(s => s.Id == person.Id).Name;
        Assert.Matches("^person-[0-9a-f]{10}$", other);
        Assert.NotEqual(person.Name, other);

        // The owner and the plain recipient see the case as it is; the evidence package is refused to the masked one.
        Assert.Equal("Jane Roe", (await cases.GetAsync(Owner, Reference)).Subjects.Single(s => s.Id == person.Id).Name);
        Assert.Equal("Jane Roe", (await cases.GetAsync(Plain, Reference)).Subjects.Single(s => s.Id == person.Id).Name);
        Assert.Contains("Victor Smythe", CairnJson.Serialize(await services.GetRequiredService<VictimService>().ListAsync(Plain, Reference)), StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => services.GetRequiredService<EvidenceService>().ExportAsync(Masked, Reference, new MemoryStream()));
        Assert.Contains("pseudonymised", refused.Message, StringComparison.Ordinal);

        // Logged: the grant with its pseudonymisation, and what the recipient was handed.
        var log = await services.GetRequiredService<SqlCustodyLog>().GetEntriesForAsync("case", seen.Id);
        Assert.Contains(log, e => e.Action == "case.share" && e.ContentHash == CustodyRecord.HashOf($"grant:{Masked.Agency}:read:pseudonymised"));
        Assert.Contains(log, e => e.Action == "case.share" && e.ContentHash == CustodyRecord.HashOf($"grant:{Plain.Agency}:read"));
        Assert.Contains(log, e => e.Action == "case.read-pseudonymised" && e.User == Masked.User && e.ContentHash == CustodyRecord.HashOf(CairnJson.Serialize(seen)));
        Assert.True((await services.GetRequiredService<Custody.CustodyService>().VerifyAsync()).Valid);

        // Lifting the pseudonymisation shows the names; the notification says what was granted.
        await cases.ShareAsync(Owner, Reference, new ShareRequest(Masked.Agency, "read", false));
        Assert.Equal("Jane Roe", (await cases.GetAsync(Masked, Reference)).Subjects.Single(s => s.Id == person.Id).Name);
        var notices = (await services.GetRequiredService<NotificationService>().ListAsync(Masked, false, PageRequest.All)).Items;
        Assert.Contains(notices, n => n.Kind == "case_shared" && n.Detail == "read pseudonymised");
    }

    private static ServiceProvider Services(TestDatabase test) =>
        new ServiceCollection()
            .AddCairnWorkspace(new WorkspaceOptions { DataDirectory = test.DataDirectory, Time = test.Time })
            .AddSingleton(test.Database)
            .BuildServiceProvider();

    private static async Task SeedAsync(ServiceProvider services)
    {
        var admin = new Actor("admin", "installation");
        var agencies = services.GetRequiredService<AgencyService>();
        var accounts = services.GetRequiredService<AccountService>();
        foreach (var (actor, state) in new[] { (Owner, "GB"), (Masked, "DE"), (Plain, "FR"), (SecondMasked, "SE") })
        {
            await agencies.RegisterAsync(admin, new AgencyRequest(actor.Agency, actor.Agency + " (test)", state, "police"));
            await accounts.CreateAsync(admin, actor.User, actor.Agency, actor.User, [Role.Investigator, Role.AssetRecoveryOfficer], "a long test password 1", mustChange: false);
        }
        var cases = services.GetRequiredService<CaseService>();
        await cases.CreateAsync(Owner, new NewCaseRequest(Reference, "Fraud by Jane Roe", "fraud", null));
        await cases.AddSubjectAsync(Owner, Reference, new SubjectRequest("person", "suspect", "Jane Roe", "born in Leeds",
            [new IdentifierRequest("passport", "P7654321"), new IdentifierRequest("email", "jane.roe@example.org")], null));
        await cases.AddSubjectAsync(Owner, Reference, new SubjectRequest("organisation", "other", "Acme Exchange Ltd", "", [], null));
        await cases.AddWalletAsync(Owner, Reference, new WalletRequest("btc", "bc1qpseudonymisedshare0000000000000000000", "perpetrator", "wallet of ROE", null));
        await cases.AddNoteAsync(Owner, Reference, new NoteRequest("Jane Roe sent 2 BTC to Acme Exchange Ltd (mail jane.roe@example.org).", null));
        await services.GetRequiredService<VictimService>().AddAsync(Owner, Reference, new VictimRequest("Victor Smythe", "lives in Harrogate"));
        await services.GetRequiredService<LedgerService>().AddAsync(Owner, Reference,
            new LedgerEventRequest("freeze", "btc", "BTC", "account of Jane Roe at Acme Exchange Ltd", "250000000", "Regulation (EU) 2018/1805", "Crown Court", "GB", null, null, []));
    }
}
