using System.CommandLine;
using System.Numerics;
using Cairn.Cases.Ledger;
using Cairn.Cli.Views;
using Cairn.Cli.Commands.Rendering;
using Cairn.Core;
using Cairn.Workspace.Ledger;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn ledger`: the asset-recovery ledger of a case: add, show (docs/ledger.md); each one call into <see cref="LedgerService"/>.</summary>
internal static class LedgerCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("ledger", "Asset-recovery ledger: add, show, approve, reject");
        group.Subcommands.Add(BuildAdd(host));
        group.Subcommands.Add(BuildShow(host));
        group.Subcommands.Add(BuildDecide(host, approve: true));
        group.Subcommands.Add(BuildDecide(host, approve: false));
        return group;
    }

    private static Command BuildAdd(CliHost host)
    {
        var kind = new Option<string>("--event") { Description = "freeze | unfreeze | seize | transfer-to-custody | confiscate | liquidate | return-to-victim | return-to-state | share", Required = true };
        var chain = new Option<string>("--chain") { Description = "Chain (btc, eth, ...)", Required = true };
        var token = new Option<string>("--token") { Description = "Token (BTC, ETH, USDT, ...)", Required = true };
        var location = new Option<string>("--location") { Description = "Custody location (exchange account, state custody wallet)", Required = true };
        var amount = new Option<string?>("--amount") { Description = "Exact amount as an integer of base units (satoshi, wei, token units)" };
        var units = new Option<string?>("--amount-units") { Description = "Or the amount in units (e.g. 1.5 BTC); a token needs --decimals" };
        var decimals = new Option<int?>("--decimals") { Description = "Decimals of a token (BTC and ETH are known)" };
        var occurred = new Option<string?>("--occurred") { Description = "When it happened (ISO 8601 date or date and time; default now; never in the future)" };
        var basis = new Option<string>("--legal-basis") { Description = "Legal basis, e.g. 'EU Regulation 2018/1805 Art. 7'", Required = true };
        var authority = new Option<string>("--authority") { Description = "Authority that ordered it", Required = true };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "ISO 3166-1 alpha-2 of that authority's state", Required = true };
        var target = new Option<string?>("--target-location") { Description = "Custody location receiving a transfer" };
        var recipient = new Option<string?>("--recipient") { Description = "Victim or state (ISO code) receiving a return or share" };
        var victim = new Option<string?>("--victim") { Description = "For return-to-victim: id of the case's victim (case victim list); counts against their loss" };
        var evidence = new Option<string[]>("--evidence") { Description = "Evidence id supporting the event (repeatable)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", "Record a ledger event; refused (nothing written) if it breaks an invariant")
            { CaseCommands.CaseOption, kind, chain, token, location, amount, units, decimals, occurred, basis, authority, jurisdiction, target, recipient, victim, evidence };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var request = new LedgerEventRequest(parse.GetValue(kind), parse.GetValue(chain), parse.GetValue(token), parse.GetValue(location), parse.GetValue(amount),
                parse.GetValue(basis), parse.GetValue(authority), parse.GetValue(jurisdiction), parse.GetValue(target), parse.GetValue(recipient), parse.GetValue(evidence) ?? [])
            {
                AmountUnits = parse.GetValue(units),
                Decimals = parse.GetValue(decimals),
                OccurredAt = Cairn.Workspace.Legal.LegalRequestService.ParseTime(parse.GetValue(occurred), "occurred_at"),
                VictimId = parse.GetValue(victim),
            };
            var recorded = await ctx.Get<LedgerService>().AddAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, request, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(LedgerEventJson.Of(recorded));
            else ctx.Output.WriteLine($"recorded #{recorded.Sequence} {LedgerEventKinds.Name(recorded.Details.Kind)} {recorded.Details.Amount} base units of {recorded.Details.Asset}" +
                (recorded.Approval == LedgerApproval.Pending ? $" (pending: a second user approves it with `cairn ledger approve {recorded.Id} --case {parse.GetValue(CaseCommands.CaseOption)}`)" : ""));
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildDecide(CliHost host, bool approve)
    {
        var id = new Argument<string>("event-id") { Description = "Id of the pending ledger event (ledger show --json)" };
        var reason = new Option<string?>("--reason") { Description = "Why it is rejected (required)" };
        var command = approve
            ? new Command("approve", "Approve a pending disposal (liquidate, return, share) recorded by another user of your agency (four eyes; logged)") { id, CaseCommands.CaseOption }
            : new Command("reject", "Reject a pending disposal with the reason; it stays on record and never counts (logged)") { id, CaseCommands.CaseOption, reason };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var service = ctx.Get<LedgerService>();
            var caseReference = parse.GetValue(CaseCommands.CaseOption)!;
            var decided = approve
                ? await service.ApproveAsync(ctx.Actor, caseReference, parse.GetValue(id)!, cancellationToken).ConfigureAwait(false)
                : await service.RejectAsync(ctx.Actor, caseReference, parse.GetValue(id)!, parse.GetValue(reason), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(LedgerEventJson.Of(decided));
            else ctx.Output.WriteLine($"#{decided.Sequence} {LedgerEventKinds.Name(decided.Details.Kind)} {LedgerApprovals.Name(decided.Approval)} by {decided.Decision!.By} ({decided.Decision.Role})");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildShow(CliHost host)
    {
        var fiat = new Option<string?>("--fiat") { Description = "Value each event in this currency (USD, EUR, …) at the date it happened, from the imported rate tables (cairn rates)" };
        var command = new Command("show", "A case's ledger events, balances per asset and totals per state (logged)") { CaseCommands.CaseOption, fiat };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var report = await ctx.Get<LedgerService>().ViewAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, parse.GetValue(fiat), cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(LedgerJson.Of(report));
                return CliHost.Success;
            }
            var events = new Table().AddColumns("#", "happened", "event", "asset", "amount (base units)", "legal basis", "authority", "recorded", "approval");
            if (report.Fiat is { } valued) events.AddColumn($"value ({valued.Currency})");
            var values = report.Fiat?.Events.ToDictionary(v => v.Sequence);
            foreach (var e in report.Events)
            {
                var row = new List<string> { e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), CaseCommands.Time(e.Details.OccurredAt), LedgerEventKinds.Name(e.Details.Kind), Markup.Escape(e.Details.Asset.ToString()),
                    e.Details.Amount.ToString(), Markup.Escape(e.Details.LegalBasis), Markup.Escape($"{e.Details.Authority} ({e.Details.Jurisdiction})"), CaseCommands.Time(e.RecordedAt),
                    Markup.Escape(LedgerApprovals.Name(e.Approval) + (e.Decision is { } d ? $" by {d.By}" + (d.Reason is null ? "" : $": {d.Reason}") : "")) };
                if (values is not null) row.Add(Markup.Escape(Words(values[e.Sequence])));
                events.AddRow(row.ToArray());
            }
            ctx.Console.Write(events);
            var balances = new Table().AddColumns("asset", "frozen", "seized", "confiscated", "liquidated", "returned", "shared");
            foreach (var b in report.Balances)
                balances.AddRow(Markup.Escape(b.Asset.ToString()), b.Frozen.ToString(), b.Seized.ToString(), b.Confiscated.ToString(), b.Liquidated.ToString(), b.Returned.ToString(), b.Shared.ToString());
            ctx.Console.Write(balances);
            var states = new Table().AddColumns("state", "token", "frozen", "seized", "confiscated", "received");
            foreach (var s in report.States)
                states.AddRow(Markup.Escape(s.State), Markup.Escape($"{s.Token} ({s.Chain})"), s.Frozen.ToString(), s.Seized.ToString(), s.Confiscated.ToString(), s.Received.ToString());
            ctx.Console.Write(states);
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>"1234.56 EUR (rate of 2026-03-02, source …)", or the reason there is no value.</summary>
    private static string Words(Cairn.Workspace.Ledger.LedgerFiat.EventValue value) => value.Value is { } v
        ? $"{v.Value} {v.Currency} (rate {v.Rate} of {v.RateDate}, {v.Basis}; source: {v.Source})"
        : value.NoRate ?? "no rate";

    internal static string? Human(AssetKey asset, BigInteger amount, int? decimals = null) => (decimals ?? LedgerService.Decimals(asset)) is { } d ? BaseUnits.ToDecimalString(amount, d) : null;
}
