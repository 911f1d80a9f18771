using System.CommandLine;
using System.Globalization;
using Cairn.Core;
using Cairn.Intel.Import;
using Cairn.Intel.Store;
using Cairn.Workspace.Intel;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn intel`: import GraphSense TagPacks/ActorPacks and OFAC lists, add user tags, show
/// actors and statistics, export to TagPack YAML or FollowTheMoney (docs/intel.md); each one call
/// into <see cref="IntelligenceService"/>. Tags and actors live in the data directory's database.
/// </summary>
internal static class IntelCommands
{
    /// <summary>How many issues the text output lists per file before summarising the rest.</summary>
    private const int IssuesShown = 10;

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("intel", "Attribution tags, actors and sanctions lists");
        group.Subcommands.Add(BuildImport(host));
        group.Subcommands.Add(BuildActor(host));
        group.Subcommands.Add(BuildStats(host));
        group.Subcommands.Add(BuildTag(host));
        group.Subcommands.Add(BuildExport(host));
        return group;
    }

    private static Command BuildImport(CliHost host)
    {
        var kind = new Argument<string>("kind") { Description = "tagpack | actorpack | ofac" };
        kind.AcceptOnlyFromAmong("tagpack", "actorpack", "ofac");
        var paths = new Argument<string[]>("paths") { Description = "Files or directories", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Refuse a whole file when any entry has an issue" };
        var isPrivate = new Option<bool>("--private") { Description = "Mark tags of packs without is_public as agency-private" };
        var listDate = new Option<string?>("--list-date") { Description = "Publication date of the OFAC files (yyyy-MM-dd); they carry none inside" };
        var command = new Command("import", "Import TagPacks, ActorPacks or OFAC lists (SDN.CSV and per-asset address lists)") { kind, paths, strict, isPrivate, listDate };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var request = new IntelImportRequest(parse.GetValue(kind), parse.GetValue(paths), parse.GetValue(strict), parse.GetValue(isPrivate), parse.GetValue(listDate));
            var reports = await ctx.Get<IntelligenceService>().ImportAsync(ctx.Actor, request, cancellationToken).ConfigureAwait(false);
            PrintImport(ctx, reports);
            var refused = reports.Count(r => r.Refused);
            if (refused > 0)
                throw new CairnException($"{refused} of {reports.Count} file(s) refused: {string.Join(", ", reports.Where(r => r.Refused).Select(r => Path.GetFileName(r.File)))}");
            return CliHost.Success;
        });
        return command;
    }

    private static void PrintImport(CliContext ctx, IReadOnlyList<PackImportReport> reports)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(reports.Select(ImportJson.Of).ToList());
            return;
        }
        var table = new Table().AddColumns("file", "pack", "result", "items", "errors", "warnings");
        foreach (var r in reports)
            table.AddRow(Markup.Escape(Path.GetFileName(r.File)), Markup.Escape(r.PackId ?? ""), r.Change?.ToString().ToLowerInvariant() ?? "[red]refused[/]",
                r.ItemCount.ToString(CultureInfo.InvariantCulture), r.Issues.Count(i => i.Severity == IssueSeverity.Error).ToString(CultureInfo.InvariantCulture),
                r.Issues.Count(i => i.Severity == IssueSeverity.Warning).ToString(CultureInfo.InvariantCulture));
        ctx.Console.Write(table);
        foreach (var r in reports.Where(r => r.Issues.Count > 0))
        {
            foreach (var issue in r.Issues.Take(IssuesShown)) ctx.Output.WriteLine(issue.ToString());
            if (r.Issues.Count > IssuesShown) ctx.Output.WriteLine($"{Path.GetFileName(r.File)}: … and {r.Issues.Count - IssuesShown} more issue(s) (--json lists all)");
        }
    }

    private static Command BuildActor(CliHost host)
    {
        var id = new Argument<string>("id") { Description = "Actor id (e.g. binance)" };
        var command = new Command("actor", "Show an actor: categories, jurisdictions, legal name, references") { id };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var actor = await ctx.Get<IntelligenceService>().ActorAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(actor);
                return CliHost.Success;
            }
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
            Row("id", actor.Id);
            Row("label", actor.Label);
            Row("legal name", actor.LegalName ?? "");
            Row("jurisdictions", string.Join(", ", actor.Jurisdictions));
            Row("categories", string.Join(", ", actor.Categories));
            Row("aliases", string.Join(", ", actor.Aliases));
            Row("uri", actor.Uri ?? "");
            Row("tags", actor.Tags.ToString(CultureInfo.InvariantCulture));
            Row("references", string.Join("\n", actor.References));
            ctx.Console.Write(grid);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildStats(CliHost host)
    {
        var command = new Command("stats", "Counts of tags, actors, sanctioned addresses and packs");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var stats = await ctx.Get<IntelligenceService>().StatsAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(StatsJson.Of(stats));
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"tags: {stats.TagCount}  actors: {stats.ActorCount}  sanctioned addresses: {stats.SanctionedAddressCount}  packs: {stats.Packs.Count}");
            var table = new Table().AddColumns("pack", "kind", "items", "public");
            foreach (var p in stats.Packs)
                table.AddRow(Markup.Escape(p.Id), p.Kind.ToString(), p.ItemCount.ToString(CultureInfo.InvariantCulture), p.IsPublic ? "yes" : "no");
            ctx.Console.Write(table);
            ctx.Output.WriteLine("by currency: " + string.Join(", ", stats.TagsByCurrency.Take(10).Select(p => $"{p.Key} {p.Value}")));
            ctx.Output.WriteLine("by category: " + string.Join(", ", stats.TagsByCategory.Take(10).Select(p => $"{p.Key} {p.Value}")));
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildTag(CliHost host)
    {
        var address = new Argument<string>("address") { Description = "Address to tag" };
        var currency = new Option<string>("--currency") { Description = "Currency code (BTC, ETH, …)", Required = true };
        var label = new Option<string>("--label") { Description = "What the address is", Required = true };
        var source = new Option<string>("--source") { Description = "Where this comes from (case reference, report URL)", Required = true };
        var category = new Option<string?>("--category") { Description = "GraphSense concept, e.g. exchange, mixing_service" };
        var abuse = new Option<string?>("--abuse") { Description = "GraphSense concept, e.g. ransomware, scam, sanction" };
        var actor = new Option<string?>("--actor") { Description = "Actor id" };
        var confidence = new Option<string>("--confidence") { Description = "GraphSense confidence id", DefaultValueFactory = _ => "forensic_investigation" };
        var context = new Option<string?>("--context") { Description = "Free-form context" };
        var isPublic = new Option<bool>("--public") { Description = "Shareable with other agencies (default: agency-private)" };
        var add = new Command("add", "Add a user tag (agency-private unless --public)") { address, currency, label, source, category, abuse, actor, confidence, context, isPublic };
        host.SetAction(add, async (ctx, parse, cancellationToken) =>
        {
            var tag = await ctx.Get<IntelligenceService>().AddTagAsync(ctx.Actor, new TagRequest(parse.GetValue(address), parse.GetValue(currency), parse.GetValue(label), parse.GetValue(source),
                parse.GetValue(category), parse.GetValue(abuse), parse.GetValue(actor), parse.GetValue(confidence), parse.GetValue(context), parse.GetValue(isPublic)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(tag);
            else ctx.Output.WriteLine($"tagged {tag.Currency} {tag.Address} as '{tag.Label}' ({(tag.IsPublic ? "public" : "agency-private")})");
            return CliHost.Success;
        });
        return new Command("tag", "User tags") { add };
    }

    private static Command BuildExport(CliHost host)
    {
        var format = new Option<string>("--format") { Description = "tagpack | ftm", Required = true };
        format.AcceptOnlyFromAmong("tagpack", "ftm");
        var filter = new Option<string[]>("--filter") { Description = "key=value (pack, currency, category, abuse, actor, address, public); repeatable", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var title = new Option<string?>("--title") { Description = "TagPack title (default: from the pack, or 'Cairn export')" };
        var command = new Command("export", "Export a selection of tags as GraphSense TagPack YAML or FollowTheMoney entities") { format, filter, output, title };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var path = parse.GetValue(output);
            var writer = path is null ? ctx.Output : new StreamWriter(path);
            int count;
            try
            {
                count = await ctx.Get<IntelligenceService>().ExportAsync(parse.GetValue(format)!, parse.GetValue(filter) ?? [], parse.GetValue(title), writer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (path is not null) await writer.DisposeAsync().ConfigureAwait(false);
            }
            if (path is not null) ctx.Error.WriteLine($"exported {count} tag(s) to {path}");
            return CliHost.Success;
        });
        return command;
    }

    /// <summary>One imported file as `cairn intel import --json` prints it.</summary>
    private sealed record ImportJson(string File, string? Pack, string Change, int Items, int Errors, int Warnings, IReadOnlyList<ImportJson.Issue> Issues)
    {
        public sealed record Issue(string File, int? Line, string Severity, string Message);

        public static ImportJson Of(PackImportReport r) => new(r.File, r.PackId, r.Change?.ToString().ToLowerInvariant() ?? "refused", r.ItemCount,
            r.Issues.Count(i => i.Severity == IssueSeverity.Error), r.Issues.Count(i => i.Severity == IssueSeverity.Warning),
            r.Issues.Select(i => new Issue(i.File, i.Line, i.Severity.ToString().ToLowerInvariant(), i.Message)).ToList());
    }

    /// <summary>`cairn intel stats --json`: counts, packs, tags by currency and category.</summary>
    private sealed record StatsJson(long Tags, long Actors, long SanctionedAddresses, IReadOnlyList<StatsJson.Pack> Packs,
        IReadOnlyDictionary<string, long> TagsByCurrency, IReadOnlyDictionary<string, long> TagsByCategory)
    {
        public sealed record Pack(string Id, string Kind, string Title, string Version, long Items, bool IsPublic);

        public static StatsJson Of(IntelStats stats) => new(stats.TagCount, stats.ActorCount, stats.SanctionedAddressCount,
            stats.Packs.Select(p => new Pack(p.Id, p.Kind.ToString().ToLowerInvariant(), p.Title, p.Version, p.ItemCount, p.IsPublic)).ToList(),
            stats.TagsByCurrency.ToDictionary(p => p.Key, p => (long)p.Value), stats.TagsByCategory.ToDictionary(p => p.Key, p => (long)p.Value));
    }
}
