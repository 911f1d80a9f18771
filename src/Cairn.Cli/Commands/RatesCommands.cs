using System.CommandLine;
using System.Globalization;
using Cairn.Workspace.Valuation;

namespace Cairn.Cli.Commands;

/// <summary>`cairn rates import|list`: fiat rate tables with their source (docs/valuation.md), one call each into <see cref="RateService"/>.</summary>
internal static class RatesCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("rates", "Fiat rate tables per asset and currency: import, list");
        group.Subcommands.Add(BuildImport(host));
        group.Subcommands.Add(BuildList(host));
        return group;
    }

    private static Command BuildImport(CliHost host)
    {
        var asset = new Option<string>("--asset") { Description = "What the rates price: BTC, ETH, a token symbol or contract (0x…); USD for USD→currency cross rates", Required = true };
        var currency = new Option<string>("--currency") { Description = "Fiat currency (ISO 4217: USD, EUR, …)", Required = true };
        var source = new Option<string>("--source") { Description = "Who published the rates (cited with every value taken from them)", Required = true };
        var file = new Argument<string>("file") { Description = "CSV of date,rate lines (yyyy-MM-dd, price of one whole unit)" };
        var command = new Command("import", "Import daily rates from a date,rate file (logged with its source and SHA-256)") { asset, currency, source, file };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var table = await ctx.Get<RateService>().ImportAsync(ctx.Actor, new RateImportRequest(parse.GetValue(asset), parse.GetValue(currency), parse.GetValue(source), parse.GetValue(file)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(table);
            else ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {table.Points} daily {table.Asset}/{table.Currency} rates ({table.FirstDate:yyyy-MM-dd} to {table.LastDate:yyyy-MM-dd}) from {table.Source} as table {table.Id}; file SHA-256 {table.FileSha256}"));
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildList(CliHost host)
    {
        var command = new Command("list", "Imported rate tables with their source (the newest of each asset and currency is used)");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var tables = await ctx.Get<RateService>().ListAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(tables);
                return CliHost.Success;
            }
            if (tables.Count == 0) ctx.Output.WriteLine("no rate table imported (cairn rates import --asset BTC --currency USD --source '…' FILE.csv)");
            foreach (var t in tables)
                ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Asset}/{t.Currency}: {t.Points} days {t.FirstDate:yyyy-MM-dd}–{t.LastDate:yyyy-MM-dd}, source {t.Source}, file {t.FileName} (SHA-256 {t.FileSha256[..16]}…), imported by {t.ImportedBy} at {t.ImportedAt:u}, table {t.Id}"));
            return CliHost.Success;
        });
        return command;
    }
}
