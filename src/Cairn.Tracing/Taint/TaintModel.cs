namespace Cairn.Tracing.Taint;

/// <summary>
/// How a transaction passes taint from what funds it to what it funds. Every model is a
/// deterministic function of the transaction (values in order) and the taint on its sources;
/// <see cref="TaintDistribution"/> states the exact rules and docs/tracing.md has a worked example each.
/// </summary>
public enum TaintModel
{
    /// <summary>Any taint taints every destination in full (not conservative: clean value mixed in is counted).</summary>
    Poison,

    /// <summary>Taint split pro-rata by value, exact in integers with a largest-remainder rule.</summary>
    Haircut,

    /// <summary>First in, first out: source value laid end to end in order pays destinations in order.</summary>
    Fifo,

    /// <summary>Last in, first out: as FIFO with the sources taken in reverse order.</summary>
    Lifo,

    /// <summary>Taint in, highest out: all taint goes to the largest destinations first.</summary>
    Tiho,
}
