using System.CommandLine;
using System.Numerics;
using Cairn.Cases.Ledger;
using Cairn.Core;
using Cairn.Storage.Ledger;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn ledger`: the asset-recovery ledger of a case: add, show (docs/ledger.md).</summary>
internal static class LedgerCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("ledger", "Asset-recovery ledger: add, show") { CaseCommands.AsOption, CaseCommands.AgencyOption };
        group.Subcommands.Add(BuildAdd(host));
        group.Subcommands.Add(BuildShow(host));
        return group;
    }

    /// <summary>Decimals of the native coins, for the human amount printed next to the exact one.</summary>
    internal static int? Decimals(AssetKey asset) => (asset.Chain.ToLowerInvariant(), asset.Token.ToUpperInvariant()) switch
    {
        ("btc", "BTC") => BaseUnits.BitcoinDecimals,
        ("eth", "ETH") => BaseUnits.EtherDecimals,
        _ => null,
    };

    private static string? Human(AssetKey asset, BigInteger amount) => Decimals(asset) is { } d ? BaseUnits.ToDecimalString(amount, d) : null;

    private static Command BuildAdd(CliHost host)
    {
        var kind = new Option<string>("--event") { Description = "freeze | unfreeze | seize | transfer-to-custody | confiscate | liquidate | return-to-victim | return-to-state | share", Required = true };
        var chain = new Option<string>("--chain") { Description = "Chain (btc, eth, ...)", Required = true };
        var token = new Option<string>("--token") { Description = "Token (BTC, ETH, USDT, ...)", Required = true };
        var location = new Option<string>("--location") { Description = "Custody location (exchange account, state custody wallet)", Required = true };
        var amount = new Option<string>("--amount") { Description = "Exact amount as an integer of base units (satoshi, wei, token units)", Required = true };
        var basis = new Option<string>("--legal-basis") { Description = "Legal basis, e.g. 'EU Regulation 2018/1805 Art. 7'", Required = true };
        var authority = new Option<string>("--authority") { Description = "Authority that ordered it", Required = true };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "ISO 3166-1 alpha-2 of that authority's state", Required = true };
        var target = new Option<string?>("--target-location") { Description = "Custody location receiving a transfer" };
        var recipient = new Option<string?>("--recipient") { Description = "Victim or state (ISO code) receiving a return or share" };
        var evidence = new Option<string[]>("--evidence") { Description = "Evidence id supporting the event (repeatable)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("add", "Record a ledger event; refused (nothing written) if it breaks an invariant")
            { CaseCommands.CaseOption, kind, chain, token, location, amount, basis, authority, jurisdiction, target, recipient, evidence };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var asset = new AssetKey(parseResult.GetValue(chain)!.Trim(), parseResult.GetValue(token)!.Trim(), parseResult.GetValue(location)!.Trim());
            var newEvent = new NewLedgerEvent(SqlLedgerStore.ParseKind(parseResult.GetValue(kind)!), asset, BaseUnits.ParseInteger(parseResult.GetValue(amount)!),
                parseResult.GetValue(basis)!, parseResult.GetValue(authority)!, parseResult.GetValue(jurisdiction)!.Trim().ToUpperInvariant(),
                parseResult.GetValue(target), parseResult.GetValue(recipient), parseResult.GetValue(evidence) ?? []);
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var recorded = await new SqlLedgerStore(database).AddAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(CaseCommands.CaseOption)!, newEvent, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(EventJson(recorded));
            else ctx.Output.WriteLine($"recorded #{recorded.Sequence} {SqlLedgerStore.KindText(newEvent.Kind)} {newEvent.Amount} base units of {asset}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildShow(CliHost host)
    {
        var command = new Command("show", "A case's ledger events, balances per asset and totals per state (logged)") { CaseCommands.CaseOption };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var report = await new SqlLedgerStore(database).GetAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(CaseCommands.CaseOption)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    Case = report.CaseReference,
                    Events = report.Events.Select(EventJson),
                    Balances = report.Balances.Select(b => new
                    {
                        b.Asset.Chain, b.Asset.Token, b.Asset.Location,
                        FrozenBaseUnits = b.Frozen.ToString(), Frozen = Human(b.Asset, b.Frozen),
                        SeizedBaseUnits = b.Seized.ToString(), Seized = Human(b.Asset, b.Seized),
                        ConfiscatedBaseUnits = b.Confiscated.ToString(), Confiscated = Human(b.Asset, b.Confiscated),
                        LiquidatedBaseUnits = b.Liquidated.ToString(), ReturnedBaseUnits = b.Returned.ToString(), SharedBaseUnits = b.Shared.ToString(),
                    }),
                    States = report.States.Select(s => new
                    {
                        s.State, s.Chain, s.Token,
                        FrozenBaseUnits = s.Frozen.ToString(), SeizedBaseUnits = s.Seized.ToString(),
                        ConfiscatedBaseUnits = s.Confiscated.ToString(), ReceivedBaseUnits = s.Received.ToString(),
                    }),
                });
                return CliHost.Success;
            }
            var events = new Table().AddColumns("#", "event", "asset", "amount (base units)", "legal basis", "authority", "recorded");
            foreach (var e in report.Events)
                events.AddRow(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), SqlLedgerStore.KindText(e.Details.Kind), Markup.Escape(e.Details.Asset.ToString()),
                    e.Details.Amount.ToString(), Markup.Escape(e.Details.LegalBasis), Markup.Escape($"{e.Details.Authority} ({e.Details.Jurisdiction})"), CaseCommands.Time(e.RecordedAt));
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

    private static object EventJson(LedgerEvent e) => new
    {
        e.Id,
        e.Sequence,
        Event = SqlLedgerStore.KindText(e.Details.Kind),
        e.Details.Asset.Chain,
        e.Details.Asset.Token,
        e.Details.Asset.Location,
        AmountBaseUnits = e.Details.Amount.ToString(),
        Amount = Human(e.Details.Asset, e.Details.Amount),
        e.Details.LegalBasis,
        e.Details.Authority,
        e.Details.Jurisdiction,
        e.Details.TargetLocation,
        e.Details.Recipient,
        e.Details.EvidenceIds,
        e.RecordedAt,
        e.RecordedBy,
        e.RecordedAgency,
    };
}
