namespace Cairn.Intel.Screening;

public enum HitKind
{
    /// <summary>An attribution tag (imported pack or user tag).</summary>
    Tag,

    /// <summary>An address on a sanctions list.</summary>
    Sanction,
}
