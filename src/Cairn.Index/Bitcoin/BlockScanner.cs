using System.Buffers.Binary;
using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;
using Cairn.Core;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Decodes a serialised block straight into a <see cref="ScannedBlock"/>: header, txids
/// (double SHA-256 of the witness-stripped serialisation, BIP144), inputs' previous outputs,
/// output values, script types and addresses, and checks the merkle root. This is the ingest
/// hot path: spans and reused buffers only. Malformed bytes raise <see cref="CairnException"/>
/// naming the byte offset.
/// </summary>
public sealed class BlockScanner
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Hash256[] _merkleScratch = new Hash256[64];

    /// <summary>Scans <paramref name="block"/> into <paramref name="into"/>; <paramref name="where"/> names the block in errors.</summary>
    public void Scan(ReadOnlySpan<byte> block, ScannedBlock into, string where)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset();
        var position = 0;
        try
        {
            if (block.Length < 81) throw Truncated(where, block.Length, "block header");
            into.Hash = DoubleSha256.Compute(block[..80]);
            into.PreviousHash = Hash256.FromWire(block.Slice(4, 32));
            into.MerkleRoot = Hash256.FromWire(block.Slice(36, 32));
            into.Time = BinaryPrimitives.ReadUInt32LittleEndian(block[68..]);
            into.Bits = BinaryPrimitives.ReadUInt32LittleEndian(block[72..]);
            position = 80;
            var txCount = ReadCompact(block, ref position, where);
            if (txCount == 0 || txCount > (ulong)block.Length / 10) throw new CairnException($"{where}: implausible transaction count {txCount} at byte 80");
            into.EnsureTransactions((int)txCount);
            for (var t = 0; t < (int)txCount; t++) ScanTransaction(block, ref position, into, t, where);
            into.TransactionCount = (int)txCount;
            into.TxFirstInput[txCount] = into.InputCount;
            into.TxFirstOutput[txCount] = into.OutputCount;
            into.SerializedSize = position;
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Truncated(where, position, "transaction data");
        }
        if (ComputeMerkleRoot(into) != into.MerkleRoot)
            throw new CairnException($"{where}: merkle root mismatch (header says {into.MerkleRoot}, transactions give {ComputeMerkleRoot(into)})");
    }

    private void ScanTransaction(ReadOnlySpan<byte> block, ref int position, ScannedBlock into, int t, string where)
    {
        var start = position;
        var version = BinaryPrimitives.ReadInt32LittleEndian(block.Slice(position, 4));
        position += 4;
        var segwit = block[position] == 0 && block[position + 1] == 1;
        if (segwit) position += 2;
        var bodyStart = position;
        var flags = TxFlags.None;
        if (version >= 2) flags |= TxFlags.Version2;
        if (segwit) flags |= TxFlags.SegWit;

        var inputCount = (int)ReadCompact(block, ref position, where);
        into.TxFirstInput[t] = into.InputCount;
        into.EnsureInputs(into.InputCount + inputCount);
        var coinbase = false;
        for (var i = 0; i < inputCount; i++)
        {
            var prevHash = Hash256.FromWire(block.Slice(position, 32));
            var prevIndex = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(position + 32, 4));
            position += 36;
            var scriptLength = (int)ReadCompact(block, ref position, where);
            position += scriptLength;
            var sequence = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(position, 4));
            position += 4;
            if (sequence < 0xfffffffe) flags |= TxFlags.SignalsReplaceByFee;
            if (t == 0 && inputCount == 1 && prevHash.IsZero && prevIndex == uint.MaxValue)
            {
                coinbase = true;
                continue;
            }
            into.InputPrevTxIds[into.InputCount] = prevHash;
            into.InputPrevIndex[into.InputCount] = prevIndex;
            into.InputCount++;
        }
        if (coinbase) flags |= TxFlags.Coinbase;

        var outputCount = (int)ReadCompact(block, ref position, where);
        into.TxFirstOutput[t] = into.OutputCount;
        into.EnsureOutputs(into.OutputCount + outputCount);
        for (var o = 0; o < outputCount; o++)
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(block.Slice(position, 8));
            position += 8;
            var scriptLength = (int)ReadCompact(block, ref position, where);
            var script = block.Slice(position, scriptLength);
            position += scriptLength;
            var type = ScriptClassifier.Classify(script);
            var index = into.OutputCount++;
            into.OutputValue[index] = value;
            into.OutputType[index] = type;
            into.OutputAddress[index] = AddressKey.FromScript(script, type);
        }
        var bodyEnd = position;
        if (segwit)
        {
            for (var i = 0; i < inputCount; i++)
            {
                var items = (int)ReadCompact(block, ref position, where);
                for (var w = 0; w < items; w++)
                {
                    var length = (int)ReadCompact(block, ref position, where);
                    position += length;
                }
            }
        }
        var lockTime = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(position, 4));
        position += 4;
        if (position > block.Length) throw Truncated(where, start, $"transaction {t}");
        if (lockTime != 0) flags |= TxFlags.HasLockTime;

        // txid = SHA256d(version ‖ inputs ‖ outputs ‖ locktime), the witness-stripped form (BIP144).
        Span<byte> digest = stackalloc byte[32];
        if (segwit)
        {
            _sha.AppendData(block.Slice(start, 4));
            _sha.AppendData(block[bodyStart..bodyEnd]);
            _sha.AppendData(block.Slice(position - 4, 4));
            _sha.GetHashAndReset(digest);
        }
        else
        {
            SHA256.HashData(block[start..position], digest);
        }
        SHA256.HashData(digest, digest);
        into.TxIds[t] = Hash256.FromWire(digest);
        into.TxLockTime[t] = lockTime;
        into.TxFlags[t] = (byte)flags;
        var totalSize = position - start;
        var baseSize = segwit ? totalSize - (2 + (position - 4 - bodyEnd)) : totalSize;
        into.TxVirtualSize[t] = (uint)((baseSize * 3 + totalSize + 3) / 4);
    }

    private Hash256 ComputeMerkleRoot(ScannedBlock block)
    {
        var count = block.TransactionCount;
        if (_merkleScratch.Length < count) _merkleScratch = new Hash256[Math.Max(count, _merkleScratch.Length * 2)];
        Array.Copy(block.TxIds, _merkleScratch, count);
        while (count > 1)
        {
            var next = 0;
            for (var i = 0; i < count; i += 2)
            {
                var right = i + 1 < count ? _merkleScratch[i + 1] : _merkleScratch[i];
                _merkleScratch[next++] = DoubleSha256.ComputePair(_merkleScratch[i], right);
            }
            count = next;
        }
        return _merkleScratch[0];
    }

    private static ulong ReadCompact(ReadOnlySpan<byte> data, ref int position, string where)
    {
        var first = data[position];
        ulong value;
        switch (first)
        {
            case < 0xfd: value = first; position += 1; break;
            case 0xfd: value = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(position + 1, 2)); position += 3; break;
            case 0xfe: value = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(position + 1, 4)); position += 5; break;
            default: value = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position + 1, 8)); position += 9; break;
        }
        if (value > (ulong)data.Length) throw new CairnException($"{where}: length {value} at byte {position} exceeds the block");
        return value;
    }

    private static CairnException Truncated(string where, int offset, string what) =>
        new($"{where}: truncated {what} at byte {offset}");
}
