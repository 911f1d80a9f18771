using System.CommandLine;
using Cairn.Workspace.Backup;

namespace Cairn.Cli.Commands;

/// <summary>
/// `cairn backup --out FILE` and `cairn --data DIR restore FILE` (docs/operations.md): one call
/// each into <see cref="BackupService"/> and <see cref="BackupRestore"/>. Restore never opens the
/// installation it writes.
/// </summary>
internal static class BackupCommands
{
    public static Command BuildBackup(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var output = new Option<string>("--out") { Description = "Archive to write (.tar.gz); must not exist", Required = true };
        var filesOnly = new Option<bool>("--files-only") { Description = "Leave the database out (PostgreSQL: back it up with pg_dump)" };
        var withoutKeys = new Option<bool>("--without-keys") { Description = "Leave the private keys out (custody key, installation secret, exchange keys, web keys)" };
        var indexes = new Option<bool>("--include-indexes") { Description = "Also copy the chain indexes (rebuilt from the node otherwise)" };
        var command = new Command("backup", "Back up the installation while it runs: database (online backup), evidence, keys, with a manifest of SHA-256 hashes")
            { output, filesOnly, withoutKeys, indexes };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var summary = await ctx.Get<BackupService>().CreateAsync(ctx.Actor, parse.GetValue(output),
                new BackupRequest(parse.GetValue(filesOnly), parse.GetValue(withoutKeys), parse.GetValue(indexes)), cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(summary);
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"backup written: {summary.Archive} ({summary.ArchiveBytes} bytes, sha256 {summary.ArchiveSha256})");
            ctx.Output.WriteLine($"  {summary.Files} files, {summary.DataBytes} bytes; database {(summary.DatabaseIncluded ? "included" : "NOT included (use pg_dump)")}; " +
                (summary.KeysIncluded ? "private keys included: keep this archive as safe as the keys themselves" : $"keys left out: {string.Join(", ", summary.KeysLeftOut)}"));
            return CliHost.Success;
        });
        return command;
    }

    public static Command BuildRestore(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var file = new Argument<string>("FILE") { Description = "Backup archive written by 'cairn backup'" };
        var force = new Option<bool>("--force") { Description = "Restore into a non-empty data directory (its content is moved aside to DIR.before-restore-TIME, not deleted)" };
        var command = new Command("restore", "Restore a backup into the data directory (--data): every hash checked before anything is written") { file, force };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var summary = await BackupRestore.RestoreAsync(parse.GetValue(file), ctx.DataDirectory, parse.GetValue(force), ctx.Time, cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(summary);
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"restored {summary.Files} files ({summary.DataBytes} bytes) of the backup of {CaseCommands.Time(summary.BackupCreatedAt)} into {summary.DataDirectory}; every SHA-256 matched");
            if (summary.PreviousMovedTo is { } aside) ctx.Output.WriteLine($"  the previous content is in {aside}");
            if (!summary.DatabaseIncluded) ctx.Output.WriteLine("  the database was not in this backup: restore it with pg_restore before starting (docs/operations.md)");
            if (!summary.KeysIncluded) ctx.Output.WriteLine($"  keys left out of the backup: put back {string.Join(", ", summary.KeysLeftOut)} from where they are kept before starting");
            ctx.Output.WriteLine("  check it: cairn log verify, cairn evidence list --case REF --check, cairn ledger show --case REF");
            return CliHost.Success;
        });
        return command;
    }
}
