using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Cairn.Chains.Bitcoin;

namespace Cairn.Development.Generation;

/// <summary>
/// Serialises generated transactions in consensus format (BIP144 when any input carries a
/// witness), with signature- and key-sized random bytes where real spends have them, so that
/// sizes, fees and parsing paths look like mainnet's. Reused across transactions.
/// </summary>
public sealed class RawTransactionBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly List<(Hash256 TxId, uint Vout, SyntheticScript Script, uint Sequence)> _inputs = [];
    private readonly List<(long Value, byte[] Script)> _outputs = [];
    private readonly DeterministicRandom _random;

    public RawTransactionBuilder(DeterministicRandom random) => _random = random;

    public int Version { get; set; } = 2;

    public uint LockTime { get; set; }

    public void Clear()
    {
        _inputs.Clear();
        _outputs.Clear();
        Version = 2;
        LockTime = 0;
    }

    public void AddInput(Hash256 txid, uint vout, SyntheticScript spentScript, uint sequence = 0xfffffffd) =>
        _inputs.Add((txid, vout, spentScript, sequence));

    public void AddOutput(long value, byte[] scriptPubKey) => _outputs.Add((value, scriptPubKey));

    public int OutputCount => _outputs.Count;

    /// <summary>Virtual size of the transaction as it stands (for fee = vsize × rate).</summary>
    public int EstimateVirtualSize()
    {
        var baseSize = 4 + 1 + 1 + 4;
        var witnessSize = 0;
        foreach (var input in _inputs)
        {
            var (scriptSig, witness) = input.Script.SpendShape();
            baseSize += 32 + 4 + 1 + scriptSig + 4;
            if (witness.Length > 0) witnessSize += 1 + witness.Sum(w => 1 + w);
        }
        foreach (var output in _outputs) baseSize += 8 + 1 + output.Script.Length;
        if (witnessSize > 0) witnessSize += 2 + _inputs.Count(i => i.Script.SpendShape().Witness.Length == 0);
        return (baseSize * 4 + witnessSize + 3) / 4;
    }

    /// <summary>Coinbase transaction paying <paramref name="value"/>; BIP34 height in the scriptSig.</summary>
    public (Hash256 TxId, byte[] Bytes) BuildCoinbase(int height, long value, byte[] scriptPubKey)
    {
        _buffer.Clear();
        WriteUInt32(1);
        WriteCompact(1);
        _buffer.Write(new byte[32]);
        WriteUInt32(uint.MaxValue);
        Span<byte> scriptSig = [0x04, (byte)height, (byte)(height >> 8), (byte)(height >> 16), (byte)(height >> 24), 0x00, 0x00];
        WriteCompact((ulong)scriptSig.Length);
        _buffer.Write(scriptSig);
        WriteUInt32(uint.MaxValue);
        WriteCompact(1);
        WriteInt64(value);
        WriteCompact((ulong)scriptPubKey.Length);
        _buffer.Write(scriptPubKey);
        WriteUInt32(0);
        var bytes = _buffer.WrittenSpan.ToArray();
        return (DoubleSha256.Compute(bytes), bytes);
    }

    /// <summary>Serialises the current inputs and outputs; returns the txid and the bytes.</summary>
    public (Hash256 TxId, byte[] Bytes) Build()
    {
        var hasWitness = _inputs.Any(i => i.Script.SpendShape().Witness.Length > 0);
        _buffer.Clear();
        WriteUInt32((uint)Version);
        if (hasWitness) _buffer.Write<byte>([0x00, 0x01]);
        var bodyStart = _buffer.WrittenCount;
        WriteCompact((ulong)_inputs.Count);
        Span<byte> hash = stackalloc byte[32];
        foreach (var input in _inputs)
        {
            input.TxId.CopyTo(hash);
            _buffer.Write(hash);
            WriteUInt32(input.Vout);
            var (scriptSig, _) = input.Script.SpendShape();
            WriteCompact((ulong)scriptSig);
            WriteScriptSig(input.Script, scriptSig);
            WriteUInt32(input.Sequence);
        }
        WriteCompact((ulong)_outputs.Count);
        foreach (var (value, script) in _outputs)
        {
            WriteInt64(value);
            WriteCompact((ulong)script.Length);
            _buffer.Write(script);
        }
        var bodyEnd = _buffer.WrittenCount;
        if (hasWitness)
        {
            foreach (var input in _inputs)
            {
                var witness = input.Script.SpendShape().Witness;
                WriteCompact((ulong)witness.Length);
                foreach (var length in witness)
                {
                    WriteCompact((ulong)length);
                    WriteRandomPush(length);
                }
            }
        }
        WriteUInt32(LockTime);
        var bytes = _buffer.WrittenSpan.ToArray();
        byte[] stripped = hasWitness
            ? [.. bytes.AsSpan(0, 4), .. bytes.AsSpan(bodyStart, bodyEnd - bodyStart), .. bytes.AsSpan(bytes.Length - 4)]
            : bytes;
        return (DoubleSha256.Compute(stripped), bytes);
    }

    private void WriteScriptSig(SyntheticScript script, int length)
    {
        if (length == 0) return;
        if (script.Type == ScriptType.P2PKH)
        {
            _buffer.Write<byte>([72]);
            WriteRandomPush(72);
            _buffer.Write<byte>([33]);
            WriteRandomPush(33);
        }
        else
        {
            // P2SH-P2WPKH: the scriptSig pushes the 22-byte redeem script (version 0, 20-byte hash).
            _buffer.Write<byte>([22, 0x00, 0x14]);
            WriteRandomPush(20);
        }
    }

    private void WriteRandomPush(int length)
    {
        var span = _buffer.GetSpan(length)[..length];
        _random.Fill(span);
        if (length is 71 or 72) span[0] = 0x30; // DER SEQUENCE tag, as in real ECDSA signatures
        if (length == 33) span[0] = (byte)(0x02 | (span[1] & 1));
        _buffer.Advance(length);
    }

    private void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    private void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    private void WriteCompact(ulong value)
    {
        var span = _buffer.GetSpan(9);
        if (value < 0xfd) { span[0] = (byte)value; _buffer.Advance(1); }
        else if (value <= 0xffff) { span[0] = 0xfd; BinaryPrimitives.WriteUInt16LittleEndian(span[1..], (ushort)value); _buffer.Advance(3); }
        else { span[0] = 0xfe; BinaryPrimitives.WriteUInt32LittleEndian(span[1..], (uint)value); _buffer.Advance(5); }
    }

    /// <summary>Header + transactions → serialised block, with the merkle root of the txids.</summary>
    public static byte[] AssembleBlock(Hash256 previous, uint time, uint nonce, IReadOnlyList<(Hash256 TxId, byte[] Bytes)> transactions, int version = 0x20000000)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var level = transactions.Select(t => t.TxId).ToList();
        while (level.Count > 1)
        {
            var next = new List<Hash256>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
                next.Add(DoubleSha256.ComputePair(level[i], i + 1 < level.Count ? level[i + 1] : level[i]));
            level = next;
        }
        var size = 80 + 5 + transactions.Sum(t => t.Bytes.Length);
        var block = new byte[size];
        var span = block.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, version);
        previous.CopyTo(span[4..]);
        level[0].CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[68..], time);
        BinaryPrimitives.WriteUInt32LittleEndian(span[72..], 0x207fffff); // regtest difficulty
        BinaryPrimitives.WriteUInt32LittleEndian(span[76..], nonce);
        var position = 80;
        var count = (ulong)transactions.Count;
        if (count < 0xfd) span[position++] = (byte)count;
        else if (count <= 0xffff) { span[position] = 0xfd; BinaryPrimitives.WriteUInt16LittleEndian(span[(position + 1)..], (ushort)count); position += 3; }
        else { span[position] = 0xfe; BinaryPrimitives.WriteUInt32LittleEndian(span[(position + 1)..], (uint)count); position += 5; }
        foreach (var (_, bytes) in transactions)
        {
            bytes.CopyTo(span[position..]);
            position += bytes.Length;
        }
        return block[..position];
    }

    /// <summary>SHA-256 helper for tests and scenario ids.</summary>
    public static byte[] Sha256(ReadOnlySpan<byte> data) => SHA256.HashData(data);
}
