using Cairn.Core;

namespace Cairn.Chains.Bitcoin;

/// <summary>
/// Reads one transaction from a <see cref="ByteReader"/>, following Bitcoin Core's
/// UnserializeTransaction (primitives/transaction.h): an empty input list followed by a
/// non-zero flag byte means the BIP144 extended format. Flag bits a chain does not define are
/// refused: bit 0 (witness) only where the network has SegWit, bit 3 (MWEB) only on Litecoin,
/// where Litecoin Core's UnserializeTransaction reads an optional MWEB transaction before the lock
/// time; inside a block only its empty form occurs, which marks the HogEx (LIP-0002), and
/// anything else is refused by name rather than guessed at.
/// </summary>
internal static class TransactionParser
{
    // Smallest possible input: 32-byte txid, 4-byte index, 1-byte empty script, 4-byte sequence.
    private const int MinimumInputSize = 41;

    // Smallest possible output: 8-byte value, 1-byte empty script.
    private const int MinimumOutputSize = 9;

    private const byte WitnessFlag = 0x01;
    private const byte MwebFlag = 0x08;

    public static Transaction Read(ref ByteReader reader) => Read(ref reader, Network.Main);

    public static Transaction Read(ref ByteReader reader, Network network)
    {
        var start = reader.Position;
        var version = reader.ReadInt32();
        var hasWitnessFlag = false;
        var hasMwebFlag = false;
        var inputCount = reader.ReadCount("inputs", MinimumInputSize);
        var baseStart = reader.Position;
        if (inputCount == 0)
        {
            var flagPosition = reader.Position;
            var flag = reader.ReadByte();
            if (flag != 0)
            {
                // BIP144: marker 0x00 (the "empty input list") then flag; only bit 0 is defined
                // (and bit 3 on Litecoin, LIP-0002).
                var known = (network.SegWit ? WitnessFlag : 0) | (network.Mweb ? MwebFlag : 0);
                if ((flag & ~known) != 0)
                    throw new CairnException(network.SegWit
                        ? $"malformed {reader.Context} at byte {flagPosition}: unknown segwit flag 0x{flag:x2}"
                        : $"malformed {reader.Context} at byte {flagPosition}: a transaction with no inputs, or a segwit flag {network.Chain} does not have");
                hasWitnessFlag = (flag & WitnessFlag) != 0;
                hasMwebFlag = (flag & MwebFlag) != 0;
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
        var isHogEx = false;
        if (hasMwebFlag)
        {
            var mwebPosition = reader.Position;
            if (reader.ReadByte() != 0)
                throw new CairnException($"malformed {reader.Context} at byte {mwebPosition}: MWEB transaction data inside a block's transaction (only the HogEx's empty marker is expected there, LIP-0002)");
            if (outputCount == 0)
                throw new CairnException($"malformed {reader.Context} at byte {mwebPosition}: a HogEx without outputs");
            isHogEx = true;
        }
        var lockTime = reader.ReadUInt32();
        var end = reader.Position;

        var all = reader.Data[start..end];
        var extended = hasWitnessFlag || hasMwebFlag;
        var baseSize = extended ? 4 + (baseEnd - baseStart) + 4 : end - start;
        // Litecoin's txid, like Bitcoin's, hashes the serialisation without witness and MWEB data.
        var txId = extended ? ComputeTxId(all, baseStart - start, baseEnd - start) : DoubleSha256.Compute(all);
        return new Transaction(version, inputs, outputs, lockTime, hasWitnessFlag, baseSize, end - start, txId) { IsHogEx = isHogEx };
    }

    /// <summary>Hashes version + inputs/outputs + lock time of a witness transaction without re-serialising or copying it.</summary>
    private static Hash256 ComputeTxId(ReadOnlySpan<byte> transaction, int baseStart, int baseEnd)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        DoubleSha256.Hash(transaction[..4], transaction[baseStart..baseEnd], transaction[^4..], digest);
        return Hash256.FromWire(digest);
    }
}
