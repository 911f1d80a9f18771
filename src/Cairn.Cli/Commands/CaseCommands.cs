using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn case`: Cases: create, list, show.</summary>
internal static class CaseCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("case", "Cases: create, list, show");
    }
}
