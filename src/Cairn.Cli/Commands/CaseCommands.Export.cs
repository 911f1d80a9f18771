using System.CommandLine;
using Cairn.Workspace.Cases;

namespace Cairn.Cli.Commands;

/// <summary>`cairn case export REF [--out FILE] [--pseudonymise]`: the case and its ledger as JSON (logged; docs/operations.md).</summary>
internal static partial class CaseCommands
{
    private static Command BuildExport(CliHost host)
    {
        var output = new Option<string?>("--out") { Description = "File to write (default: print)" };
        var pseudonymise = new Option<bool>("--pseudonymise") { Description = "Replace subjects' personal data (names, details, identifiers of natural persons) with pseudonyms made for this export" };
        var command = new Command("export", "Export a case and its ledger as JSON, optionally pseudonymised (logged)") { ReferenceArgument, output, pseudonymise };
        host.SetAction(command, async (ctx, parse, cancellationToken) =>
        {
            var bytes = await ctx.Get<CaseExportService>().ExportAsync(ctx.Actor, parse.GetValue(ReferenceArgument)!, parse.GetValue(pseudonymise), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(output) is { } path)
            {
                // Written beside and renamed: never a half-written export under the name asked for.
                var partial = path + ".partial";
                await File.WriteAllBytesAsync(partial, bytes, cancellationToken).ConfigureAwait(false);
                File.Move(partial, path, overwrite: true);
                ctx.Output.WriteLine($"wrote {path} ({bytes.Length} bytes{(parse.GetValue(pseudonymise) ? ", pseudonymised" : "")})");
            }
            else
            {
                ctx.Output.WriteLine(System.Text.Encoding.UTF8.GetString(bytes));
            }
            return CliHost.Success;
        });
        return command;
    }
}
