namespace Cairn.Tracing.Paths;

/// <summary>One value-carrying path: the outputs (<c>txid:vout</c>) from the first address's output to the target's.</summary>
public sealed record ValuePath(IReadOnlyList<string> Outputs)
{
    /// <summary>Transactions crossed (one fewer than the outputs on the path).</summary>
    public int Hops => Outputs.Count - 1;
}
