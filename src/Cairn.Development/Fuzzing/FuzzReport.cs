namespace Cairn.Development.Fuzzing;

/// <summary>What one target's run found: how many cases were accepted and refused, the findings, the time taken.</summary>
public sealed record FuzzReport(string Target, int Cases, int Accepted, int Refused, IReadOnlyList<FuzzFinding> Findings, TimeSpan Elapsed)
{
    public bool Clean => Findings.Count == 0;

    public double CasesPerSecond => Elapsed.TotalSeconds > 0 ? Cases / Elapsed.TotalSeconds : 0;
}
