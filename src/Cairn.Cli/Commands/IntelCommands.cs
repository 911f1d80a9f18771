using System.CommandLine;
using System.Globalization;
using Cairn.Core;
using Cairn.Intel.Export;
using Cairn.Intel.Import;
using Cairn.Intel.Store;
using Cairn.Storage;
using Cairn.Storage.Intel;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn intel`: import GraphSense TagPacks/ActorPacks and OFAC lists, add user tags, show
/// actors and statistics, export to TagPack YAML or FollowTheMoney (docs/intel.md). Tags and
/// actors live in the database of the data directory.
/// </summary>
internal static class IntelCommands
{
    /// <summary>How many issues the text output lists per file before summarising the rest.</summary>
    private const int IssuesShown = 10;

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("intel", "Attribution tags, actors and sanctions lists") { CaseCommands.AsOption, CaseCommands.AgencyOption };
        group.Subcommands.Add(BuildImport(host));
        group.Subcommands.Add(BuildActor(host));
        group.Subcommands.Add(BuildStats(host));
        group.Subcommands.Add(BuildTag(host));
        group.Subcommands.Add(BuildExport(host));
        return group;
    }

    /// <summary>Opens the data directory's database and the intel service on it (shared with `cairn screen`).</summary>
    internal static async Task<(CairnDatabase Database, IntelService Service)> OpenAsync(CliContext ctx, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
        return (database, new IntelService(new SqlIntelStore(database, CaseCommands.ActorFrom(parseResult)), ctx.Time));
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
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var options = new ImportOptions
            {
                Strict = parseResult.GetValue(strict),
                DefaultIsPublic = !parseResult.GetValue(isPrivate),
                ListDate = ParseDate(parseResult.GetValue(listDate)),
            };
            var (database, service) = await OpenAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            await using (database)
            {
                var files = parseResult.GetValue(paths)!;
                var reports = parseResult.GetValue(kind) switch
                {
                    "tagpack" => await service.ImportTagPacksAsync(files, options, cancellationToken).ConfigureAwait(false),
                    "actorpack" => await service.ImportActorPacksAsync(files, options, cancellationToken).ConfigureAwait(false),
                    _ => [await service.ImportOfacAsync(files, options, cancellationToken).ConfigureAwait(false)],
                };
                PrintImport(ctx, reports);
                var refused = reports.Count(r => r.Refused);
                if (refused > 0)
                    throw new CairnException($"{refused} of {reports.Count} file(s) refused: {string.Join(", ", reports.Where(r => r.Refused).Select(r => Path.GetFileName(r.File)))}");
                return CliHost.Success;
            }
        });
        return command;
    }

    private static void PrintImport(CliContext ctx, IReadOnlyList<PackImportReport> reports)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(reports.Select(r => new
            {
                file = r.File,
                pack = r.PackId,
                change = r.Change?.ToString().ToLowerInvariant() ?? "refused",
                items = r.ItemCount,
                errors = r.Issues.Count(i => i.Severity == IssueSeverity.Error),
                warnings = r.Issues.Count(i => i.Severity == IssueSeverity.Warning),
                issues = r.Issues.Select(i => new { file = i.File, line = i.Line, severity = i.Severity.ToString().ToLowerInvariant(), message = i.Message }),
            }));
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
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var (database, service) = await OpenAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            await using (database)
            {
                var actor = await service.GetActorAsync(parseResult.GetValue(id)!, cancellationToken).ConfigureAwait(false);
                var tagCount = (await service.Store.LoadTagsAsync(new TagFilter { Actor = actor.Id }, cancellationToken).ConfigureAwait(false)).Count;
                if (ctx.Json)
                {
                    ctx.WriteJson(new { actor.Id, actor.Label, actor.Uri, actor.Categories, actor.Jurisdictions, actor.LegalName, actor.Aliases, actor.References, pack = actor.PackId, tags = tagCount });
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
                Row("tags", tagCount.ToString(CultureInfo.InvariantCulture));
                Row("references", string.Join("\n", actor.References));
                ctx.Console.Write(grid);
                return CliHost.Success;
            }
        });
        return command;
    }

    private static Command BuildStats(CliHost host)
    {
        var command = new Command("stats", "Counts of tags, actors, sanctioned addresses and packs");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var (database, service) = await OpenAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            await using (database)
            {
                var stats = await service.Store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
                if (ctx.Json)
                {
                    ctx.WriteJson(new
                    {
                        tags = stats.TagCount,
                        actors = stats.ActorCount,
                        sanctioned_addresses = stats.SanctionedAddressCount,
                        packs = stats.Packs.Select(p => new { p.Id, kind = p.Kind.ToString().ToLowerInvariant(), p.Title, p.Version, items = p.ItemCount, p.IsPublic }),
                        tags_by_currency = stats.TagsByCurrency.ToDictionary(p => p.Key, p => p.Value),
                        tags_by_category = stats.TagsByCategory.ToDictionary(p => p.Key, p => p.Value),
                    });
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
            }
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
        host.SetAction(add, async (ctx, parseResult, cancellationToken) =>
        {
            var (database, service) = await OpenAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            await using (database)
            {
                var tag = await service.AddUserTagAsync(new UserTagRequest
                {
                    Address = parseResult.GetValue(address)!,
                    Currency = parseResult.GetValue(currency)!,
                    Label = parseResult.GetValue(label)!,
                    Source = parseResult.GetValue(source)!,
                    Creator = CaseCommands.ActorFrom(parseResult).ToString(),
                    Category = parseResult.GetValue(category),
                    Abuse = parseResult.GetValue(abuse),
                    Actor = parseResult.GetValue(actor),
                    Confidence = parseResult.GetValue(confidence)!,
                    Context = parseResult.GetValue(context),
                    IsPublic = parseResult.GetValue(isPublic),
                }, cancellationToken).ConfigureAwait(false);
                if (ctx.Json) ctx.WriteJson(new { address = tag.Identifier, tag.Currency, tag.Label, tag.Category, tag.Abuse, tag.Actor, tag.Confidence, tag.IsPublic, tag.Creator, pack = tag.PackId });
                else ctx.Output.WriteLine($"tagged {tag.Currency} {tag.Identifier} as '{tag.Label}' ({(tag.IsPublic ? "public" : "agency-private")})");
                return CliHost.Success;
            }
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
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            var selection = TagFilter.Parse(parseResult.GetValue(filter) ?? []);
            var (database, service) = await OpenAsync(ctx, parseResult, cancellationToken).ConfigureAwait(false);
            await using (database)
            {
                var path = parseResult.GetValue(output);
                var writer = path is null ? ctx.Output : new StreamWriter(path);
                int exported;
                try
                {
                    if (parseResult.GetValue(format) == "ftm")
                    {
                        var tags = await service.Store.LoadTagsAsync(selection, cancellationToken).ConfigureAwait(false);
                        var actors = (await service.Store.LoadActorsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, StringComparer.Ordinal);
                        FollowTheMoneyWriter.Write(writer, tags, actors);
                        exported = tags.Count;
                    }
                    else exported = await service.ExportTagPackAsync(writer, selection, parseResult.GetValue(title), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (path is not null) await writer.DisposeAsync().ConfigureAwait(false);
                }
                if (path is not null) ctx.Error.WriteLine($"exported {exported} tag(s) to {path}");
                return CliHost.Success;
            }
        });
        return command;
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CairnException($"malformed --list-date '{text}': expected yyyy-MM-dd");
    }
}
