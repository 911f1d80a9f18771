using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Legal.Requests;
using Cairn.Workspace.Administration;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Ledger;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Statistics;
using Cairn.Workspace.Victims;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Tests.Statistics;

/// <summary>
/// Data for <see cref="StatisticsTests"/>. Statistics from stored data (docs/statistics.md): many generated cases of two agencies go through the real services (drafted,
/// validated, sent, acknowledged, executed or refused requests; approved and pending ledger events; victims). The agency figures are
/// checked against the generator's own counts, and the public report against its promise: no reference, name, address, agency or id
/// anywhere; no published cell about fewer than N cases; no suppressed cell left alone beside a published total.
/// </summary>
public sealed class StatisticsFixture : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly string _data = Directory.CreateTempSubdirectory("cairn-stats-").FullName;
    private readonly ServiceProvider _services;

    public ServiceProvider Services => _services;

    public IReadOnlyList<Generated> Cases => _generated;

    public IReadOnlyList<string> Secrets => _secrets;
    private readonly List<Generated> _generated = [];
    private readonly List<string> _secrets = [];

    public StatisticsFixture() =>
        _services = new ServiceCollection().AddCairnWorkspace(new WorkspaceOptions { DataDirectory = _data }).BuildServiceProvider();

    public sealed record Generated(string Agency, string Reference, string State, string Status, DateTimeOffset Sent, double? AckDays, double? ExecDays, string? Ground, BigInteger Frozen, BigInteger Returned);

    public async Task InitializeAsync()
    {
        var agencies = _services.GetRequiredService<AgencyService>();
        var accounts = _services.GetRequiredService<AccountService>();
        var admin = new Actor("admin", "installation");
        foreach (var (code, state) in new[] { ("pnf-fr", "FR"), ("parquet-be", "BE") })
        {
            await agencies.RegisterAsync(admin, new AgencyRequest(code, code + " (test)", state, "prosecution"));
            await accounts.CreateAsync(admin, "pros-" + code, code, "Prosecutor " + code, [Role.Prosecutor], "a long test password 1", mustChange: false);
            await accounts.CreateAsync(admin, "aro-" + code, code, "Officer " + code, [Role.AssetRecoveryOfficer], "a long test password 1", mustChange: false);
        }
        await accounts.CreateAsync(admin, "auditor", "pnf-fr", "Auditor", [Role.Auditor], "a long test password 1", mustChange: false);
        var random = new Random(18);
        for (var n = 0; n < 36; n++)
        {
            var agency = n % 3 == 0 ? "parquet-be" : "pnf-fr";
            var from = agency == "pnf-fr" ? "FR" : "BE";
            // Most cases go to DE; a few to rarer States, so that small cells exist and must be suppressed.
            var state = n % 9 == 4 ? "AT" : n % 12 == 7 ? "NL" : "DE";
            _generated.Add(await GenerateCaseAsync(agency, from, state, n, random));
        }
    }

    private async Task<Generated> GenerateCaseAsync(string agency, string from, string state, int n, Random random)
    {
        var prosecutor = new Actor("pros-" + agency, agency);
        var reference = $"STAT-{agency}-{n:D3}";
        var victim = $"Victim Person {n}";
        var address = $"bc1qstatistics{n:D3}xyz";
        _secrets.AddRange([reference, victim, address, agency, prosecutor.User, "aro-" + agency]);
        await _services.GetRequiredService<CaseService>().CreateAsync(prosecutor, new NewCaseRequest(reference, $"Generated case {n}", "fraud", null));
        var legal = _services.GetRequiredService<LegalRequestService>();
        var finding = new TraceFinding(state, $"Exchange {n} GmbH", [address], [new string('a', 63) + (n % 10).ToString(CultureInfo.InvariantCulture)],
            [new AssetAmount("BTC", new BigInteger(100_000_000), 8)]);
        var drafted = await legal.DraftAsync(prosecutor, new DraftInput(reference, from, [finding], ["freeze"], false, "fr"));
        var id = drafted.Drafts[0].Id;
        _secrets.Add(id);
        foreach (var item in (await legal.CheckAsync(prosecutor, id)).Missing) await legal.SetContentAsync(prosecutor, id, item.Id, "text " + item.Id);
        await legal.TransitionAsync(prosecutor, id, "ready", null, null, null);
        await legal.ValidateAsync(prosecutor, id);
        var sent = Start.AddDays(n * 7);
        await legal.TransitionAsync(prosecutor, id, "sent", sent, null, null);
        double? ack = null, exec = null;
        string? ground = null;
        var status = "sent";
        if (n % 4 != 3)
        {
            ack = 2 + random.Next(20);
            await legal.TransitionAsync(prosecutor, id, "acknowledged", sent.AddDays(ack.Value), null, null);
            status = "acknowledged";
            if (n % 5 == 0)
            {
                ground = n % 2 == 0 ? "dual criminality" : $"missing translation for {victim}";
                await legal.TransitionAsync(prosecutor, id, "refused", sent.AddDays(ack.Value + 3), null, ground);
                status = "refused";
            }
            else if (n % 5 != 1)
            {
                exec = ack + 10 + random.Next(30);
                await legal.TransitionAsync(prosecutor, id, "executed", sent.AddDays(exec.Value), null, null);
                status = "executed";
            }
        }
        var ledger = _services.GetRequiredService<LedgerService>();
        var officer = new Actor("aro-" + agency, agency);
        var frozen = new BigInteger(1_000_000 + random.Next(9_000_000));
        var returned = BigInteger.Zero;
        LedgerEventRequest Event(string kind, BigInteger amount, string? victimId = null) =>
            new(kind, "btc", "BTC", "exchange " + n, amount.ToString(CultureInfo.InvariantCulture), "Regulation (EU) 2018/1805", "Tribunal", from, null, null, [])
            { OccurredAt = sent.AddDays(1), VictimId = victimId };
        await ledger.AddAsync(officer, reference, Event("freeze", frozen));
        if (n % 2 == 0)
        {
            await ledger.AddAsync(officer, reference, Event("seize", frozen));
            await ledger.AddAsync(officer, reference, Event("confiscate", frozen));
            var victims = _services.GetRequiredService<VictimService>();
            var person = await victims.AddAsync(officer, reference, new VictimRequest(victim, "lives at " + address));
            await victims.AddLossAsync(officer, reference, person.Id, new VictimLossRequest("btc", "BTC", frozen.ToString(CultureInfo.InvariantCulture), null, null, [new string('b', 64)], "paid"));
            var back = await ledger.AddAsync(officer, reference, Event("return_to_victim", frozen / 2, person.Id));
            // Every fourth case's return is approved by a second user; the others stay pending and must not count.
            if (n % 4 == 0)
            {
                await ledger.ApproveAsync(prosecutor, reference, back.Id);
                returned = frozen / 2;
            }
        }
        return new Generated(agency, reference, state, status, sent, ack, exec, ground, frozen, returned);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
