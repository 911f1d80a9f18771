namespace Cairn.Tracing.Tracing;

/// <summary>What a trace keeps about one output its taint reached (indexed by the output's number in the run).</summary>
internal struct OutputState
{
    public const int Unresolved = -2;

    public uint Output;
    /// <summary>Hops from the seeds when taint last reached it.</summary>
    public int Hops;
    /// <summary>The transaction whose processing tainted it (forward), else none: then searched when needed.</summary>
    public uint Transaction;
    /// <summary>Taint waiting here for the next transaction (forward: its spender; backward: its funder).</summary>
    public long Pending;
    public bool HasPending;
    public bool IsSeed;
    /// <summary>For the paths: the number of the processed transaction whose contributors lead back from here, -1 for none, <see cref="Unresolved"/> until asked.</summary>
    public int ContributorsAt;
}
