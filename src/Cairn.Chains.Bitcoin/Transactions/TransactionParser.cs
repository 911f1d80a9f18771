using System.Buffers;
using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Reads one transaction from a <see cref="ByteReader"/>, following Bitcoin Core's
/// UnserializeTransaction (primitives/transaction.h): an empty input list followed by a
/// non-zero flag byte means the BIP144 extended format.
/// </summary>
internal static class TransactionParser
{
    // Smallest possible input: 32-byte txid, 4-byte index, 1-byte empty script, 4-byte sequence.
    private const int MinimumInputSize = 41;

    // Smallest possible output: 8-byte value, 1-byte empty script.
    private const int MinimumOutputSize = 9;

    public static Transaction Read(ref ByteReader reader)
    {
        var start = reader.Position;
        var version = reader.ReadInt32();
        var hasWitnessFlag = false;
        var inputCount = reader.ReadCount("inputs", MinimumInputSize);
        var baseStart = reader.Position;
        if (inputCount == 0)
        {
            var flagPosition = reader.Position;
            var flag = reader.ReadByte();
            if (flag != 0)
            {
                // BIP144: marker 0x00 (the "empty input list") then flag; only bit 0 is defined.
                if (flag != 0x01)
                    throw new CairnException($"malformed {reader.Context} at byte {flagPosition}: unknown segwit flag 0x{flag:x2}");
                hasWitnessFlag = true;
                baseStart = reader.Position;
                inputCount = reader.ReadCount("inputs", MinimumInputSize);
            }
            else
            {
                // No inputs and no outputs: legacy serialization of an empty transaction.
                baseStart = flagPosition - 1;
                reader.Position = flagPosition;
            }
        }

        var inputs = new TxIn[inputCount];
        var prevouts = new (OutPoint Prevout, byte[] ScriptSig, uint Sequence)[inputCount];
        for (var i = 0; i < inputCount; i++)
        {
            var prevout = new OutPoint(reader.ReadHash(), reader.ReadUInt32());
            prevouts[i] = (prevout, reader.ReadVarBytes(), reader.ReadUInt32());
        }

        var outputCount = reader.ReadCount("outputs", MinimumOutputSize);
        var outputs = new TxOut[outputCount];
        for (var i = 0; i < outputCount; i++)
            outputs[i] = new TxOut(reader.ReadInt64(), reader.ReadVarBytes());
        var baseEnd = reader.Position;

        var anyWitness = false;
        for (var i = 0; i < inputCount; i++)
        {
            IReadOnlyList<byte[]>? witness = null;
            if (hasWitnessFlag)
            {
                var itemCount = reader.ReadCount("witness items", 1);
                if (itemCount > 0)
                {
                    var items = new byte[itemCount][];
                    for (var j = 0; j < itemCount; j++) items[j] = reader.ReadVarBytes();
                    witness = items;
                    anyWitness = true;
                }
            }
            inputs[i] = new TxIn(prevouts[i].Prevout, prevouts[i].ScriptSig, prevouts[i].Sequence, witness);
        }
        // Bitcoin Core rejects a witness flag with only empty witnesses ("Superfluous witness
        // record"): such a transaction would not re-serialise to the same bytes.
        if (hasWitnessFlag && !anyWitness)
            throw new CairnException($"malformed {reader.Context} at byte {start}: superfluous witness record");
        var lockTime = reader.ReadUInt32();
        var end = reader.Position;

        var all = reader.Data[start..end];
        var baseSize = hasWitnessFlag ? 4 + (baseEnd - baseStart) + 4 : end - start;
        var txId = hasWitnessFlag ? ComputeTxId(all, baseStart - start, baseEnd - start) : DoubleSha256.Compute(all);
        return new Transaction(version, inputs, outputs, lockTime, hasWitnessFlag, baseSize, end - start, txId);
    }

    /// <summary>Hashes version + inputs/outputs + lock time of a witness transaction without re-serialising it.</summary>
    private static Hash256 ComputeTxId(ReadOnlySpan<byte> transaction, int baseStart, int baseEnd)
    {
        var length = 4 + (baseEnd - baseStart) + 4;
        byte[]? rented = null;
        var buffer = length <= 1024 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        transaction[..4].CopyTo(buffer);
        transaction[baseStart..baseEnd].CopyTo(buffer[4..]);
        transaction[^4..].CopyTo(buffer[^4..]);
        var txId = DoubleSha256.Compute(buffer);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return txId;
    }
}
