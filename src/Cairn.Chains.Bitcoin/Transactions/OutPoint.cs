namespace Cairn.Chains.Bitcoin;

/// <summary>A reference to output <paramref name="Index"/> of transaction <paramref name="TxId"/>.</summary>
public readonly record struct OutPoint(Hash256 TxId, uint Index)
{
    /// <summary>The "null" prevout of a coinbase input: zero txid, index 0xffffffff.</summary>
    public static OutPoint Null => new(Hash256.Zero, uint.MaxValue);

    public bool IsNull => TxId.IsZero && Index == uint.MaxValue;

    public override string ToString() => $"{TxId}:{Index}";
}
