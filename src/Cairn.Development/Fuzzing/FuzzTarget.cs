namespace Cairn.Development.Fuzzing;

/// <summary>
/// One parser or entry point under fuzzing: seeds (valid inputs to mutate), how to feed it one
/// input, and which exceptions are the parser's way of refusing bad input. Everything else a run
/// throws is a crash; anything that runs past the time limit is a hang (see <see cref="FuzzRunner"/>).
/// </summary>
public sealed class FuzzTarget
{
    public FuzzTarget(string name, string description, FuzzInputKind kind, IReadOnlyList<byte[]> seeds, Action<byte[]> run)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0) throw new ArgumentException($"fuzz target {name} has no seeds", nameof(seeds));
        Name = name;
        Description = description;
        Kind = kind;
        Seeds = seeds;
        Run = run;
    }

    /// <summary>Short id used on the command line and in regression file names, e.g. <c>btc-block</c>.</summary>
    public string Name { get; }

    public string Description { get; }

    public FuzzInputKind Kind { get; }

    public IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>Feeds one input; returns normally when it was accepted or reported as bad without throwing.</summary>
    public Action<byte[]> Run { get; }

    /// <summary>
    /// Whether <paramref name="exception"/> is a handled refusal: a <see cref="Core.CairnException"/>
    /// (what the CLI prints as one line with exit code 1 and the API answers as problem details).
    /// </summary>
    public static bool IsHandledRefusal(Exception exception) => exception is Core.CairnException;
}
