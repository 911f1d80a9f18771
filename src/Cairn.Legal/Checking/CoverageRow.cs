namespace Cairn.Legal.Checking;

/// <summary>
/// One instrument's coverage: parties listed (counted as the depositary counts), the depositary's count
/// (null when none is recorded), the as-of date, and the share of party entries verified in a source.
/// </summary>
public sealed record CoverageRow(
    string InstrumentId,
    string Instrument,
    string Completeness,
    int Listed,
    int? DepositaryCount,
    string AsOf,
    int Verified,
    int Entries)
{
    public double VerifiedShare => Entries == 0 ? 1 : (double)Verified / Entries;
}
