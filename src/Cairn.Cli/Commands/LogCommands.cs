using System.CommandLine;
using Cairn.Storage.Custody;

namespace Cairn.Cli.Commands;

/// <summary>`cairn log`: the custody log: verify, head, proof, public-key (docs/custody-log.md).</summary>
internal static class LogCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = new Command("log", "Custody log: verify, head, proof, public-key");
        group.Subcommands.Add(BuildVerify(host));
        group.Subcommands.Add(BuildHead(host));
        group.Subcommands.Add(BuildProof(host));
        group.Subcommands.Add(BuildPublicKey(host));
        return group;
    }

    private static Command BuildVerify(CliHost host)
    {
        var command = new Command("verify", "Re-check every entry and signed tree head; names the first bad entry");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var result = await new SqlCustodyLog(database).VerifyAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(new { Valid = result.IsValid, result.EntriesChecked, result.HeadsChecked, result.RootHash, result.FirstBadSequence, result.Problem });
            else if (result.IsValid) ctx.Output.WriteLine($"custody log OK: {result.EntriesChecked} entries, {result.HeadsChecked} signed tree heads, root {result.RootHash}");
            else ctx.Output.WriteLine($"custody log BROKEN at entry {result.FirstBadSequence}: {result.Problem}");
            return result.IsValid ? CliHost.Success : CliHost.UserError;
        });
        return command;
    }

    private static Command BuildHead(CliHost host)
    {
        var command = new Command("head", "Print the newest signed tree head");
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var head = await new SqlCustodyLog(database).GetHeadAsync(cancellationToken).ConfigureAwait(false);
            var report = new { head.Head.TreeSize, head.Head.RootHash, Timestamp = head.Head.Timestamp, head.KeyId, head.Signature };
            if (ctx.Json) ctx.WriteJson(report);
            else ctx.Output.WriteLine($"size {head.Head.TreeSize}  root {head.Head.RootHash}  at {CaseCommands.Time(head.Head.Timestamp)}  key {head.KeyId}");
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildProof(CliHost host)
    {
        var sequence = new Option<long>("--seq") { Description = "Entry (leaf index) to prove", Required = true };
        var size = new Option<long?>("--size") { Description = "Tree size to prove against (default: the newest head)" };
        var from = new Option<long?>("--consistency-from") { Description = "Instead: consistency proof from this older size to --size" };
        var command = new Command("proof", "RFC 9162 inclusion (or consistency) proof") { sequence, size, from };
        host.SetAction(command, async (ctx, parseResult, cancellationToken) =>
        {
            await using var database = await CaseCommands.OpenAsync(ctx, cancellationToken).ConfigureAwait(false);
            var log = new SqlCustodyLog(database);
            var head = parseResult.GetValue(size) is { } s ? await log.GetHeadAsync(s, cancellationToken).ConfigureAwait(false) : await log.GetHeadAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(from) is { } first)
            {
                var consistency = await log.GetConsistencyProofAsync(first, head.Head.TreeSize, cancellationToken).ConfigureAwait(false);
                if (ctx.Json) ctx.WriteJson(new { consistency.FirstSize, consistency.SecondSize, SecondRoot = head.Head.RootHash, consistency.Path });
                else foreach (var hash in consistency.Path) ctx.Output.WriteLine(hash);
                return CliHost.Success;
            }
            var entry = await log.GetEntryAsync(parseResult.GetValue(sequence), cancellationToken).ConfigureAwait(false);
            var proof = await log.GetInclusionProofAsync(entry.Sequence, head.Head.TreeSize, cancellationToken).ConfigureAwait(false);
            var leaf = Convert.ToHexStringLower(entry.LeafHash());
            if (ctx.Json)
            {
                ctx.WriteJson(new { Entry = System.Text.Encoding.UTF8.GetString(entry.CanonicalBytes()), LeafHash = leaf, proof.LeafIndex, proof.TreeSize, head.Head.RootHash, proof.AuditPath });
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"entry {entry.Sequence}: {entry.Action} {entry.ObjectType}:{entry.ObjectId} by {entry.User}@{entry.Agency}");
            ctx.Output.WriteLine($"leaf {leaf} in tree of {proof.TreeSize} with root {head.Head.RootHash}");
            foreach (var hash in proof.AuditPath) ctx.Output.WriteLine("  " + hash);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildPublicKey(CliHost host)
    {
        var command = new Command("public-key", "Print the installation's tree-head public key (PEM)");
        host.SetAction(command, (ctx, parseResult) =>
        {
            Directory.CreateDirectory(ctx.DataDirectory);
            using var signer = CustodyKeyFile.LoadOrCreate(ctx.DataDirectory);
            if (ctx.Json) ctx.WriteJson(new { signer.KeyId, PublicKeyPem = signer.ExportPublicKeyPem() });
            else ctx.Output.WriteLine(signer.ExportPublicKeyPem());
            return CliHost.Success;
        });
        return command;
    }
}
