namespace Cairn.Tracing.Tracing;

/// <summary>
/// The parts of a trace's state that are only needed while it runs (the output numbering, the
/// queue, the scratch buffer), kept per thread between traces so that a trace does not allocate and
/// grow them afresh each time (issue 19: allocation and GC were a sixth of a small trace). What the
/// result reads later (output and transaction state, contributors) is not in here: a result may
/// outlive the next trace on the same thread.
/// </summary>
internal sealed class TraceWorkspace
{
    /// <summary>A workspace whose output table grew past this many entries (a trace of more than ~65,000 outputs: the table is at most half full) is not kept: it would hold megabytes per thread and cost a large clear for every small trace after it.</summary>
    private const int KeptTableSize = 1 << 17;

    [ThreadStatic]
    private static TraceWorkspace? t_spare;

    public DenseIdMap OutputIds { get; } = new(256);

    public TransactionQueue Queue { get; } = new();

    public long[] Scratch { get; set; } = new long[64];

    /// <summary>This thread's spare workspace (cleared), or a new one; give it back with <see cref="Return"/> when the run no longer needs it.</summary>
    public static TraceWorkspace Rent()
    {
        var workspace = t_spare ?? new TraceWorkspace();
        t_spare = null;
        return workspace;
    }

    /// <summary>Clears <paramref name="workspace"/> and keeps it as this thread's spare (unless it grew too large to be worth keeping).</summary>
    public static void Return(TraceWorkspace workspace)
    {
        if (workspace.OutputIds.TableSize > KeptTableSize) return;
        workspace.OutputIds.Clear();
        workspace.Queue.Reset(descending: false);
        t_spare = workspace;
    }
}
