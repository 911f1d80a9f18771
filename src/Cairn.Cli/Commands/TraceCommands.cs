using System.CommandLine;

namespace Cairn.Cli.Commands;

/// <summary>`cairn trace`: Follow funds through the chain (also: path, cluster).</summary>
internal static class TraceCommands
{
    public static Command Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new Command("trace", "Follow funds through the chain (also: path, cluster)");
    }
}
