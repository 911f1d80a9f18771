using Cairn.Chains.Bitcoin;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// A block decoded into flat, reusable arrays: just what the index stores, nothing more.
/// One instance per worker is refilled block after block, so ingest allocates nothing per
/// transaction. Produced by <see cref="BlockScanner"/>.
/// </summary>
public sealed class ScannedBlock
{
    public Hash256 Hash;
    public Hash256 PreviousHash;
    public Hash256 MerkleRoot;
    public uint Time;
    public uint Bits;
    public int SerializedSize;

    public int TransactionCount;
    public Hash256[] TxIds = new Hash256[64];
    /// <summary>The txids' hash-index keys (<c>BitcoinIndex.TxIdHash</c>), computed by the scanning threads so the single writer thread does not.</summary>
    public ulong[] TxIdHashes = new ulong[64];
    public uint[] TxLockTime = new uint[64];
    public byte[] TxFlags = new byte[64];
    public uint[] TxVirtualSize = new uint[64];
    public int[] TxFirstInput = new int[65];
    public int[] TxFirstOutput = new int[65];

    public int InputCount;
    public Hash256[] InputPrevTxIds = new Hash256[128];
    public uint[] InputPrevIndex = new uint[128];
    public ulong[] InputPrevTxIdHashes = new ulong[128];

    public int OutputCount;
    public long[] OutputValue = new long[128];
    public ScriptType[] OutputType = new ScriptType[128];
    public AddressKey[] OutputAddress = new AddressKey[128];
    /// <summary>The address keys' hash-index keys (<see cref="AddressKey.Hash"/>; 0 for outputs without an address).</summary>
    public ulong[] OutputAddressHashes = new ulong[128];

    internal void Reset()
    {
        TransactionCount = 0;
        InputCount = 0;
        OutputCount = 0;
    }

    internal void EnsureTransactions(int count)
    {
        if (count <= TxIds.Length) return;
        var size = Math.Max(count, TxIds.Length * 2);
        Array.Resize(ref TxIds, size);
        Array.Resize(ref TxIdHashes, size);
        Array.Resize(ref TxLockTime, size);
        Array.Resize(ref TxFlags, size);
        Array.Resize(ref TxVirtualSize, size);
        Array.Resize(ref TxFirstInput, size + 1);
        Array.Resize(ref TxFirstOutput, size + 1);
    }

    internal void EnsureInputs(int count)
    {
        if (count <= InputPrevTxIds.Length) return;
        var size = Math.Max(count, InputPrevTxIds.Length * 2);
        Array.Resize(ref InputPrevTxIds, size);
        Array.Resize(ref InputPrevIndex, size);
        Array.Resize(ref InputPrevTxIdHashes, size);
    }

    internal void EnsureOutputs(int count)
    {
        if (count <= OutputValue.Length) return;
        var size = Math.Max(count, OutputValue.Length * 2);
        Array.Resize(ref OutputValue, size);
        Array.Resize(ref OutputType, size);
        Array.Resize(ref OutputAddress, size);
        Array.Resize(ref OutputAddressHashes, size);
    }

    /// <summary>Sum of all output values (satoshi).</summary>
    public long OutputTotal()
    {
        long total = 0;
        for (var i = 0; i < OutputCount; i++) total += OutputValue[i];
        return total;
    }
}
