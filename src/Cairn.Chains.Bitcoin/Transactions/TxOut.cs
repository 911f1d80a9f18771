namespace Cairn.Chains.Bitcoin;

/// <summary>A transaction output: an amount in satoshi locked by a scriptPubKey.</summary>
public sealed class TxOut
{
    public TxOut(long value, byte[] scriptPubKey)
    {
        ArgumentNullException.ThrowIfNull(scriptPubKey);
        Value = value;
        ScriptPubKey = scriptPubKey;
    }

    /// <summary>Amount in satoshi, exactly as serialized (consensus limits are not checked here).</summary>
    public long Value { get; }

    public byte[] ScriptPubKey { get; }

    public ScriptType ScriptType => ScriptClassifier.Classify(ScriptPubKey);

    internal int SerializedSize => 8 + CompactSize.SizeOfVarBytes(ScriptPubKey.Length);
}
