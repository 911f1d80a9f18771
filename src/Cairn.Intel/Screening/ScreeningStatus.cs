namespace Cairn.Intel.Screening;

public enum ScreeningStatus
{
    /// <summary>Well-formed (or of a chain Cairn does not validate) and on no list.</summary>
    NoHit,

    /// <summary>At least one tag or sanctions listing.</summary>
    Hit,

    /// <summary>Fails its chain's format or checksum: reported, never matched.</summary>
    Malformed,
}
