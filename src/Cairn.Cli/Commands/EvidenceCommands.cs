using System.CommandLine;
using Cairn.Cases.Evidence;
using Cairn.Core;
using Cairn.Storage.Evidence;
using Spectre.Console;

namespace Cairn.Cli.Commands;

/// <summary>`cairn evidence`: add, list, export, verify, reconcile (docs/evidence.md).</summary>
internal static class EvidenceCommands
{
    /// <summary>Unreferenced evidence files younger than this may belong to an import in flight in another process.</summary>
    private static readonly TimeSpan StartupGrace = TimeSpan.FromMinutes(10);

    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("evidence", "Evidence: add, list, export, verify, reconcile") { CaseCommands.AsOption, CaseCommands.AgencyOption };
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
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var store = new SqlEvidenceStore(database);
            await store.ReconcileAsync(StartupGrace, cancellationToken).ConfigureAwait(false);
            var item = await store.AddAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(CaseCommands.CaseOption)!, parseResult.GetValue(file)!,
                parseResult.GetValue(method)!, parseResult.GetValue(source)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(item);
            else ctx.Output.WriteLine($"added {item.FileName} ({item.SizeBytes} bytes) sha256 {item.Sha256} as evidence {item.Id}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildList(CliHost host)
    {
        var command = new Command("list", "List a case's evidence (logged)") { CaseCommands.CaseOption };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var items = await new SqlEvidenceStore(database).ListAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(CaseCommands.CaseOption)!, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(items);
                return CliHost.Success;
            }
            var table = new Table().AddColumns("id", "file", "bytes", "sha256", "collected", "by", "method", "source");
            foreach (var i in items)
                table.AddRow(Markup.Escape(i.Id), Markup.Escape(i.FileName), i.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Sha256,
                    CaseCommands.Time(i.CollectedAt), Markup.Escape($"{i.CollectedBy}@{i.CollectedAgency}"), Markup.Escape(i.Method), Markup.Escape(i.Source));
            ctx.Console.Write(table);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildExport(CliHost host)
    {
        var output = new Option<string>("--out") { Description = "Package file to write (ZIP)", Required = true };
        var command = new Command("export", "Write the case's evidence package: files, hashes, log proofs, signed head, public key") { CaseCommands.CaseOption, output };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var path = Path.GetFullPath(parseResult.GetValue(output)!);
            var temporary = path + ".partial";
            EvidencePackageSummary summary;
            await using (var stream = File.Create(temporary))
            {
                summary = await new SqlEvidenceStore(database).ExportAsync(CaseCommands.ActorFrom(parseResult), parseResult.GetValue(CaseCommands.CaseOption)!, stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            if (ctx.Json) ctx.WriteJson(new { Package = path, summary.CaseReference, summary.Files, summary.LogEntries, summary.TreeSize, summary.RootHash, summary.KeyId });
            else ctx.Output.WriteLine($"wrote {path}: {summary.Files} files, {summary.LogEntries} log entries, tree head {summary.TreeSize} {summary.RootHash}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildVerify(CliHost host)
    {
        var package = new Argument<string>("PACKAGE") { Description = "Evidence package (ZIP)" };
        var key = new Option<string?>("--key") { Description = "Trusted public key (PEM) the package must be signed with" };
        var command = new Command("verify", "Check an evidence package with no database: hashes, signatures, log inclusion proofs") { package, key };
        host.SetAction(command, (ctx, parseResult) =>
        {
            var path = parseResult.GetValue(package)!;
            if (!File.Exists(path)) throw new NotFoundException($"evidence package '{path}' does not exist");
            var trusted = parseResult.GetValue(key) is { } keyPath ? File.ReadAllText(keyPath) : null;
            using var stream = File.OpenRead(path);
            var result = EvidencePackage.Verify(stream, trusted);
            if (ctx.Json)
            {
                ctx.WriteJson(new { Valid = result.IsValid, result.KeyPinned, result.CaseReference, result.KeyId, result.TreeSize, result.Files, result.LogEntries, result.Checks, result.Problems });
            }
            else
            {
                foreach (var check in result.Checks) ctx.Output.WriteLine("ok    " + check);
                foreach (var problem in result.Problems) ctx.Output.WriteLine("FAIL  " + problem);
                ctx.Output.WriteLine(result.Summary);
            }
            return result.IsValid ? CliHost.Success : CliHost.UserError;
        });
        return command;
    }

    private static Command BuildReconcile(CliHost host)
    {
        var command = new Command("reconcile", "After a crash: remove half-imported files no record references; report referenced files that are missing");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var report = await new SqlEvidenceStore(database).ReconcileAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(report);
            else ctx.Output.WriteLine($"removed {report.TemporaryFilesDeleted} partial and {report.OrphanFilesDeleted.Count} unreferenced files; {report.MissingFiles.Count} referenced files missing");
            return report.MissingFiles.Count == 0 ? CliHost.Success : CliHost.UserError;
        });
        return command;
    }
}
