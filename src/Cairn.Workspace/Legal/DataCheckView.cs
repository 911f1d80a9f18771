namespace Cairn.Workspace.Legal;

/// <summary>The result of checking the reference data: one line per problem (none: the data passes).</summary>
public sealed record DataCheckView(IReadOnlyList<string> Problems)
{
    public bool Passes => Problems.Count == 0;
}
