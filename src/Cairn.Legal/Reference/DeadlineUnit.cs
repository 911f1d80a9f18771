namespace Cairn.Legal.Reference;

/// <summary>Calendar days or hours, as the instrument states (e.g. 48 hours in Regulation 2018/1805 Art 9(3)).</summary>
public enum DeadlineUnit
{
    Days,
    Hours,
}
