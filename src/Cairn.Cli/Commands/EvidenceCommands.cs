using System.CommandLine;
using Cairn.Core.Paging;
using Cairn.Workspace.Evidence;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn evidence`: add, list, export, verify, reconcile (docs/evidence.md); each one call into <see cref="EvidenceService"/>.</summary>
internal static class EvidenceCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("evidence", "Evidence: add, list, export, verify, reconcile");
        group.Subcommands.Add(BuildAdd(host));
        group.Subcommands.Add(BuildList(host));
        group.Subcommands.Add(BuildExport(host));
        group.Subcommands.Add(BuildVerify(host));
        group.Subcommands.Add(BuildReconcile(host));
        return group;
    }

    private static Command BuildAdd(CliHost host)
    {
        var file = new Argument<string>("FILE") { Description = "File to store as evidence" };
        var source = new Option<string>("--source") { Description = "Where it came from (trace parameters and chain tip, URL, authority and letter reference)", Required = true };
        var method = new Option<string>("--method") { Description = "How it was collected: document, screenshot, trace, received-mla, ...", DefaultValueFactory = _ => "document" };
        var command = new Command("add", "Store a file in a case (content-addressed by SHA-256; logged)") { CaseCommands.CaseOption, file, source, method };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            // A process of its own: half-imported files a killed earlier run left behind are cleared first.
            var item = await ctx.Get<EvidenceService>().AddFileAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, parse.GetValue(file)!,
                parse.GetValue(method), parse.GetValue(source), reconcileFirst: true, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(item);
            else ctx.Output.WriteLine($"added {item.FileName} ({item.SizeBytes} bytes) sha256 {item.Sha256} as evidence {item.Id}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildList(CliHost host)
    {
        var command = new Command("list", "List a case's evidence, each stored file checked against its hash (logged)") { CaseCommands.CaseOption };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var entries = (await ctx.Get<EvidenceService>().ListAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;
            if (ctx.Json)
            {
                ctx.WriteJson(entries.Select(e => e.Item).ToList());
                return CliHost.Success;
            }
            var table = new Table().AddColumns("id", "file", "bytes", "sha256", "collected", "by", "method", "source", "stored file");
            foreach (var (i, status) in entries)
                table.AddRow(Markup.Escape(i.Id), Markup.Escape(i.FileName), i.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Sha256,
                    CaseCommands.Time(i.CollectedAt), Markup.Escape($"{i.CollectedBy}@{i.CollectedAgency}"), Markup.Escape(i.Method), Markup.Escape(i.Source), status);
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildExport(CliHost host)
    {
        var output = new Option<string>("--out") { Description = "Package file to write (ZIP)", Required = true };
        var command = new Command("export", "Write the case's evidence package: files, hashes, log proofs, signed head, public key") { CaseCommands.CaseOption, output };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var written = await ctx.Get<EvidenceService>().ExportToFileAsync(ctx.Actor, parse.GetValue(CaseCommands.CaseOption)!, parse.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(written);
            else ctx.Output.WriteLine($"wrote {written.Package}: {written.Files} files, {written.LogEntries} log entries, tree head {written.TreeSize} {written.RootHash}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildVerify(CliHost host)
    {
        var package = new Argument<string>("PACKAGE") { Description = "Evidence package (ZIP)" };
        var key = new Option<string?>("--key") { Description = "Trusted public key (PEM) the package must be signed with" };
        var command = new Command("verify", "Check an evidence package with no database: hashes, signatures, log inclusion proofs") { package, key };
        host.SetAction(command, (ctx, parse) =>
        {
            var result = EvidenceService.VerifyFile(parse.GetValue(package)!, parse.GetValue(key));
            if (ctx.Json) ctx.WriteJson(result);
            else
            {
                foreach (var check in result.Checks) ctx.Output.WriteLine("ok    " + check);
                foreach (var problem in result.Problems) ctx.Output.WriteLine("FAIL  " + problem);
                ctx.Output.WriteLine(result.Summary);
            }
            return result.Valid ? CliHost.Success : CliHost.UserError;
        });
        return command;
    }

    private static Command BuildReconcile(CliHost host)
    {
        var command = new Command("reconcile", "After a crash: remove half-imported files no record references; report referenced files that are missing");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var report = await ctx.Get<EvidenceService>().ReconcileAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(report);
            else ctx.Output.WriteLine($"removed {report.TemporaryFilesDeleted} partial and {report.OrphanFilesDeleted.Count} unreferenced files; {report.MissingFiles.Count} referenced files missing");
            return report.MissingFiles.Count == 0 ? CliHost.Success : CliHost.UserError;
        });
        return command;
    }
}
