namespace Cairn.Development.Validation;

/// <summary>Confusion counts of one rule while a data set is walked (turned into a measurement at the end).</summary>
internal sealed class RuleTally
{
    public long TruePositives;
    public long FalsePositives;
    public long FalseNegatives;

    /// <summary>Counts one verdict: fired or not, right or not, and whether there was something to find.</summary>
    public void Count(bool fired, bool correct, bool positive)
    {
        if (fired && correct) TruePositives++;
        else if (fired) FalsePositives++;
        if (positive && !(fired && correct)) FalseNegatives++;
    }
}
