namespace Cairn.Index.Bitcoin;

/// <summary>How long one step of a writer's commit took (a column's flush, a hash table rebuilt at its canonical size).</summary>
/// <param name="Step">the file the step wrote, or what it did</param>
public sealed record WriterStepTime(string Step, TimeSpan Elapsed);
