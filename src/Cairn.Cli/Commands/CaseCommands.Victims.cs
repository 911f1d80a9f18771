using System.CommandLine;
using System.Globalization;
using Cairn.Cases.Ledger;
using Cairn.Workspace.Victims;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn case victim add|loss|list`: a case's victims, their losses and what they received (docs/ledger.md, "Victims"); one call into <see cref="VictimService"/> each.</summary>
internal static partial class CaseCommands
{
    private static Command BuildVictim(CliHost host)
    {
        var group = new Command("victim", "A case's victims: add, loss (what they lost and the transactions that prove it), list (lost, received, outstanding)");
        var name = new Option<string>("--name") { Description = "The victim's name as the case knows them", Required = true };
        var details = new Option<string?>("--details") { Description = "Details (contact point, how they were defrauded)" };
        var add = new Command("add", "Add a victim to a case (logged)") { ReferenceArgument, name, details };
        host.SetAction(add, async (ctx, parse, cancellationToken) =>
        {
            var victim = await ctx.Get<VictimService>().AddAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, new VictimRequest(parse.GetValue(name), parse.GetValue(details)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(victim);
            else ctx.Output.WriteLine($"victim {victim.Id}: {victim.Name}");
            return CliHost.Success;
        });

        var victimId = new Argument<string>("VICTIM-ID") { Description = "Id of the victim (case victim list)" };
        var chain = new Option<string>("--chain") { Description = "Chain (btc, eth, ...)", Required = true };
        var token = new Option<string>("--token") { Description = "Token (BTC, ETH, USDT, ...)", Required = true };
        var amount = new Option<string?>("--amount") { Description = "Exact amount in base units" };
        var units = new Option<string?>("--amount-units") { Description = "Or the amount in units (e.g. 0.8 BTC); a token the registry does not list needs --decimals" };
        var decimals = new Option<int?>("--decimals") { Description = "Decimals of a token" };
        var transactions = new Option<string[]>("--tx") { Description = "Transaction that proves the loss (repeatable; at least one)", AllowMultipleArgumentsPerToken = true };
        var description = new Option<string?>("--description") { Description = "What happened" };
        var loss = new Command("loss", "Record a victim's loss with the transactions that prove it (logged)") { ReferenceArgument, victimId, chain, token, amount, units, decimals, transactions, description };
        host.SetAction(loss, async (ctx, parse, cancellationToken) =>
        {
            var recorded = await ctx.Get<VictimService>().AddLossAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, parse.GetValue(victimId)!,
                new VictimLossRequest(parse.GetValue(chain), parse.GetValue(token), parse.GetValue(amount), parse.GetValue(units), parse.GetValue(decimals), parse.GetValue(transactions), parse.GetValue(description)),
                cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(recorded);
            else ctx.Output.WriteLine($"loss {recorded.Id}: {AssetDecimals.Describe(recorded.Amount, new AssetKey(recorded.Chain, recorded.Token, ""), recorded.Decimals)} ({recorded.TransactionIds.Count} transaction(s))");
            return CliHost.Success;
        });

        var list = new Command("list", "The case's victims: per asset what each lost, received (approved returns), awaits (pending returns) and is still owed (logged)") { ReferenceArgument };
        host.SetAction(list, async (ctx, parse, cancellationToken) =>
        {
            var accounts = await ctx.Get<VictimService>().ListAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(accounts);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("victim", "id", "asset", "lost", "received", "awaiting approval", "outstanding");
            foreach (var account in accounts)
            {
                if (account.Lines.Count == 0) table.AddRow(Markup.Escape(account.Victim.Name), account.Victim.Id, "", "", "", "", "");
                foreach (var line in account.Lines)
                {
                    var asset = new AssetKey(line.Chain, line.Token, "");
                    table.AddRow(Markup.Escape(account.Victim.Name), account.Victim.Id, Markup.Escape($"{line.Token} ({line.Chain})"),
                        Markup.Escape(AssetDecimals.Describe(line.Lost, asset, line.Decimals)), Markup.Escape(AssetDecimals.Describe(line.Received, asset, line.Decimals)),
                        line.PendingReturn.ToString(CultureInfo.InvariantCulture), Markup.Escape(AssetDecimals.Describe(line.Outstanding, asset, line.Decimals)));
                }
            }
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        group.Subcommands.Add(add);
        group.Subcommands.Add(loss);
        group.Subcommands.Add(list);
        return group;
    }
}
