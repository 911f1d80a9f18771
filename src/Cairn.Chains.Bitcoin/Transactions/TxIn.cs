namespace Cairn.Chains.Bitcoin;

/// <summary>A transaction input: the output it spends, its scriptSig, sequence and (BIP141) witness stack.</summary>
public sealed class TxIn
{
    private static readonly IReadOnlyList<byte[]> NoWitness = [];

    public TxIn(OutPoint previousOutput, byte[] scriptSig, uint sequence, IReadOnlyList<byte[]>? witness = null)
    {
        ArgumentNullException.ThrowIfNull(scriptSig);
        PreviousOutput = previousOutput;
        ScriptSig = scriptSig;
        Sequence = sequence;
        Witness = witness ?? NoWitness;
    }

    public OutPoint PreviousOutput { get; }

    public byte[] ScriptSig { get; }

    public uint Sequence { get; }

    /// <summary>Witness stack items; empty for legacy inputs.</summary>
    public IReadOnlyList<byte[]> Witness { get; }

    public bool HasWitness => Witness.Count > 0;

    internal int SerializedSize => Hash256.Size + 4 + CompactSize.SizeOfVarBytes(ScriptSig.Length) + 4;

    internal int WitnessSize
    {
        get
        {
            var size = CompactSize.SizeOf((ulong)Witness.Count);
            foreach (var item in Witness) size += CompactSize.SizeOfVarBytes(item.Length);
            return size;
        }
    }
}
