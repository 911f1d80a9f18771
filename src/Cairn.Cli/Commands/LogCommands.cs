using System.CommandLine;
using Cairn.Workspace.Custody;

namespace Cairn.Cli.Commands;

/// <summary>`cairn log`: the custody log: verify, head, proof, public-key (docs/custody-log.md); each one call into <see cref="CustodyService"/>.</summary>
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
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var result = await ctx.Get<CustodyService>().VerifyAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(result);
            else if (result.Valid) ctx.Output.WriteLine($"custody log OK: {result.EntriesChecked} entries, {result.HeadsChecked} signed tree heads, root {result.RootHash}");
            else ctx.Output.WriteLine($"custody log BROKEN at entry {result.FirstBadSequence}: {result.Problem}");
            return result.Valid ? CliHost.Success : CliHost.UserError;
        });
        return command;
    }

    private static Command BuildHead(CliHost host)
    {
        var command = new Command("head", "Print the newest signed tree head");
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var head = await ctx.Get<CustodyService>().HeadAsync(cancellationToken).ConfigureAwait(false);
            if (ctx.Json) ctx.WriteJson(head);
            else ctx.Output.WriteLine($"size {head.TreeSize}  root {head.RootHash}  at {CaseCommands.Time(head.Timestamp)}  key {head.KeyId}");
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
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var custody = ctx.Get<CustodyService>();
            if (parse.GetValue(from) is { } first)
            {
                var consistency = await custody.ProveConsistencyAsync(first, parse.GetValue(size), cancellationToken).ConfigureAwait(false);
                if (ctx.Json) ctx.WriteJson(consistency);
                else foreach (var hash in consistency.Path) ctx.Output.WriteLine(hash);
                return CliHost.Success;
            }
            var proof = await custody.ProveInclusionAsync(parse.GetValue(sequence), parse.GetValue(size), cancellationToken).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(proof);
                return CliHost.Success;
            }
            ctx.Output.WriteLine($"entry {proof.Sequence}: {proof.Action} {proof.ObjectType}:{proof.ObjectId} by {proof.User}@{proof.Agency}");
            ctx.Output.WriteLine($"leaf {proof.LeafHash} in tree of {proof.TreeSize} with root {proof.RootHash}");
            foreach (var hash in proof.AuditPath) ctx.Output.WriteLine("  " + hash);
            return CliHost.Success;
        });
        return command;
    }

    private static Command BuildPublicKey(CliHost host)
    {
        var command = new Command("public-key", "Print the installation's tree-head public key (PEM)");
        host.SetAction(command, (ctx, parse) =>
        {
            var key = ctx.Get<CustodyService>().PublicKey();
            if (ctx.Json) ctx.WriteJson(key);
            else ctx.Output.WriteLine(key.PublicKeyPem);
            return CliHost.Success;
        });
        return command;
    }
}
