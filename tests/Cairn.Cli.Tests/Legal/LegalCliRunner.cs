using System.CommandLine;
using Cairn.Cli.Commands;

namespace Cairn.Cli.Tests.Legal;

/// <summary>
/// Runs `route` and `request` in-process on a root holding just those two groups, the way CliHost
/// does, so these tests do not depend on `request` being registered in CommandCatalog yet.
/// </summary>
internal static class LegalCliRunner
{
    public static CliRunner.Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(output, error, TimeProvider.System);
        var root = new RootCommand("test") { GlobalOptions.Data, GlobalOptions.Json };
        root.Subcommands.Add(LegalCommands.Build(host));
        root.Subcommands.Add(LegalCommands.BuildRequest(host));
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }
}
