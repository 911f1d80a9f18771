namespace Cairn.Cases.Cases;

public enum CaseStatus
{
    Open,
    Suspended,
    Closed,
}
