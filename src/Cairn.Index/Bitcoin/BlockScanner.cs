using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Cairn.Chains.Bitcoin;
using Cairn.Core;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// Decodes a serialised block straight into a <see cref="ScannedBlock"/>: header, txids
/// (double SHA-256 of the witness-stripped serialisation, BIP144), inputs' previous outputs,
/// output values, script types and addresses, and checks the merkle root. This is the ingest
/// hot path: spans and reused buffers only. Malformed bytes raise <see cref="CairnException"/>
/// naming the byte offset. The network decides the chain's differences: Dogecoin's AuxPoW after
/// the header is skipped, Litecoin's HogEx is flagged and its MWEB extension skipped, Bitcoin
/// Cash's CashTokens prefix is taken off the script before it is classified.
/// The hot methods here, in the writer's append path, the hash tables and the hashing they call are compiled
/// fully optimised at once (<see cref="MethodImplOptions.AggressiveOptimization"/>): under tiered compilation
/// they ran as unoptimised tier-0 code for a large part of a short ingest (a 500 k-transaction ingest took about
/// 30 % less CPU with tiering off; docs/benchmarks.md, session 12).
/// </summary>
public sealed class BlockScanner
{
    private const byte WitnessFlag = 0x01;
    private const byte MwebFlag = 0x08;

    private readonly Network _network;
    private readonly byte _knownFlags;
    private Hash256[] _merkleScratch = new Hash256[64];

    /// <summary>A scanner for Bitcoin mainnet blocks.</summary>
    public BlockScanner()
        : this(Network.Main)
    {
    }

    public BlockScanner(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _knownFlags = (byte)((network.SegWit ? WitnessFlag : 0) | (network.Mweb ? MwebFlag : 0));
    }

    /// <summary>Scans <paramref name="block"/> into <paramref name="into"/>; <paramref name="where"/> names the block in errors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            var version = BinaryPrimitives.ReadInt32LittleEndian(block);
            if (_network.AuxPow && AuxPow.IsFlagged(version)) SkipAuxPow(block, ref position, where);
            var txCount = ReadCompact(block, ref position, where);
            if (txCount == 0 || txCount > (ulong)block.Length / 10) throw new CairnException($"{where}: implausible transaction count {txCount} at byte 80");
            into.EnsureTransactions((int)txCount);
            for (var t = 0; t < (int)txCount; t++)
            {
                ScanTransaction(block, ref position, into, t, where);
                if ((into.TxFlags[t] & (byte)TxFlags.MwebHogEx) != 0 && t != (int)txCount - 1)
                    throw new CairnException($"{where}: transaction {t} is a HogEx but not the last transaction (LIP-0002)");
            }
            into.TransactionCount = (int)txCount;
            into.TxFirstInput[txCount] = into.InputCount;
            into.TxFirstOutput[txCount] = into.OutputCount;
            if (txCount >= 2 && (into.TxFlags[txCount - 1] & (byte)TxFlags.MwebHogEx) != 0) SkipMweb(block, ref position, where);
            into.SerializedSize = position;
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Truncated(where, position, "transaction data");
        }
        if (ComputeMerkleRoot(into) != into.MerkleRoot)
            throw new CairnException($"{where}: merkle root mismatch (header says {into.MerkleRoot}, transactions give {ComputeMerkleRoot(into)})");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanTransaction(ReadOnlySpan<byte> block, ref int position, ScannedBlock into, int t, string where)
    {
        var start = position;
        var version = BinaryPrimitives.ReadInt32LittleEndian(block.Slice(position, 4));
        position += 4;
        // BIP144 marker 0 and a flag the chain defines (witness; on Litecoin also MWEB, LIP-0002).
        var flag = block[position] == 0 && block[position + 1] != 0 && (block[position + 1] & ~_knownFlags) == 0 ? block[position + 1] : (byte)0;
        var segwit = flag != 0;
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
            into.InputPrevTxIdHashes[into.InputCount] = BitcoinIndex.TxIdHash(prevHash);
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
            if (_network.CashTokens) script = TokenPrefix.LockingBytecode(script);
            var type = ScriptClassifier.Classify(script);
            var index = into.OutputCount++;
            into.OutputValue[index] = value;
            into.OutputType[index] = type;
            var address = AddressKey.FromScript(script, type);
            into.OutputAddress[index] = address;
            into.OutputAddressHashes[index] = address.Kind == AddressKind.None ? 0 : address.Hash();
        }
        var bodyEnd = position;
        if ((flag & WitnessFlag) != 0)
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
        if ((flag & MwebFlag) != 0)
        {
            // Litecoin Core: an optional MWEB transaction; inside a block only its empty form, the HogEx marker.
            if (block[position] != 0) throw new CairnException($"{where}: MWEB transaction data inside transaction {t} at byte {position} (only the HogEx's empty marker is expected in a block, LIP-0002)");
            position++;
            flags |= TxFlags.MwebHogEx;
        }
        var lockTime = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(position, 4));
        position += 4;
        if (position > block.Length) throw Truncated(where, start, $"transaction {t}");
        if (lockTime != 0) flags |= TxFlags.HasLockTime;
        // The marker and flag without the witness bit (a Litecoin HogEx) is not SegWit.
        if (segwit && (flag & WitnessFlag) == 0) flags &= ~TxFlags.SegWit;

        // txid = SHA256d(version ‖ inputs ‖ outputs ‖ locktime), the witness-stripped form (BIP144).
        Span<byte> digest = stackalloc byte[32];
        if (segwit) DoubleSha256.Hash(block.Slice(start, 4), block[bodyStart..bodyEnd], block.Slice(position - 4, 4), digest);
        else DoubleSha256.Hash(block[start..position], digest);
        into.TxIds[t] = Hash256.FromWire(digest);
        into.TxIdHashes[t] = BitcoinIndex.TxIdHash(into.TxIds[t]);
        into.TxLockTime[t] = lockTime;
        into.TxFlags[t] = (byte)flags;
        var totalSize = position - start;
        var baseSize = segwit ? totalSize - (2 + (position - 4 - bodyEnd)) : totalSize;
        into.TxVirtualSize[t] = (uint)((baseSize * 3 + totalSize + 3) / 4);
    }

    /// <summary>Dogecoin's merged-mining proof (see Cairn.Chains.Bitcoin's AuxPow): coinbase, hash, two branches with indexes, parent header.</summary>
    private static void SkipAuxPow(ReadOnlySpan<byte> block, ref int position, string where)
    {
        SkipLegacyTransaction(block, ref position, where);
        position += 32;
        for (var branch = 0; branch < 2; branch++)
        {
            var count = (int)ReadCompact(block, ref position, where);
            position += count * 32 + 4;
        }
        position += 80;
        if (position > block.Length) throw Truncated(where, position, "auxpow");
    }

    private static void SkipLegacyTransaction(ReadOnlySpan<byte> block, ref int position, string where)
    {
        position += 4;
        var inputs = (int)ReadCompact(block, ref position, where);
        for (var i = 0; i < inputs; i++)
        {
            position += 36;
            var scriptLength = (int)ReadCompact(block, ref position, where);
            position += scriptLength + 4;
        }
        var outputs = (int)ReadCompact(block, ref position, where);
        for (var o = 0; o < outputs; o++)
        {
            position += 8;
            var scriptLength = (int)ReadCompact(block, ref position, where);
            position += scriptLength;
        }
        position += 4;
    }

    /// <summary>
    /// Litecoin's MWEB extension after the HogEx: a presence byte, then its header and body, which
    /// run to the end of the block. Nothing in it is indexed (amounts and owners are confidential).
    /// </summary>
    private static void SkipMweb(ReadOnlySpan<byte> block, ref int position, string where)
    {
        var marker = block[position];
        if (marker > 1) throw new CairnException($"{where}: MWEB extension presence marker 0x{marker:x2} at byte {position}, expected 0 or 1");
        position = marker == 0 ? position + 1 : block.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
