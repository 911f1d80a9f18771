namespace Cairn.Cli.Tests.Backup;

/// <summary>Tests that set process-wide environment variables (CAIRN_DATABASE): run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
