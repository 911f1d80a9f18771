namespace Cairn.Intel.Store;

/// <summary>What saving a pack did.</summary>
public enum PackChange
{
    /// <summary>The same version was already stored: nothing written (re-import is idempotent).</summary>
    Unchanged,

    /// <summary>A pack with this id was not stored before.</summary>
    Added,

    /// <summary>A different version was stored: all of its items were replaced.</summary>
    Replaced,
}
