using Cairn.Core;

namespace Cairn.Chains.Ethereum.Encoding;

/// <summary>
/// Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B). Decoding is strict and
/// canonical: a single byte below 0x80 must not be wrapped, lengths must be minimal with no
/// leading zeros, and nested lengths must exactly fill their parent (the rules the
/// ethereum/tests invalidRLPTest.json vectors check).
/// </summary>
public static class Rlp
{
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var buffer = new MemoryStream();
        Write(buffer, item);
        return buffer.ToArray();
    }

    public static RlpItem Decode(ReadOnlySpan<byte> data)
    {
        var position = 0;
        var item = Read(data, ref position);
        if (position != data.Length)
            throw new CairnException($"invalid RLP: {data.Length - position} trailing bytes after the item at offset {position}");
        return item;
    }

    private static void Write(Stream output, RlpItem item)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes!;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                output.WriteByte(bytes[0]);
                return;
            }
            WriteLength(output, bytes.Length, 0x80);
            output.Write(bytes);
            return;
        }
        using var payload = new MemoryStream();
        foreach (var child in item.Items!) Write(payload, child);
        WriteLength(output, (int)payload.Length, 0xc0);
        payload.Position = 0;
        payload.CopyTo(output);
    }

    private static void WriteLength(Stream output, int length, byte offset)
    {
        if (length < 56)
        {
            output.WriteByte((byte)(offset + length));
            return;
        }
        var lengthBytes = RlpItem.Scalar(length).Bytes!;
        output.WriteByte((byte)(offset + 55 + lengthBytes.Length));
        output.Write(lengthBytes);
    }

    private static RlpItem Read(ReadOnlySpan<byte> data, ref int position)
    {
        if (position >= data.Length) throw new CairnException($"invalid RLP: input ends at offset {position}, an item was expected");
        var prefix = data[position];
        if (prefix < 0x80)
        {
            position++;
            return RlpItem.String([prefix]);
        }
        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        var start = position;
        int length;
        if (prefix <= shortBase + 55)
        {
            length = prefix - shortBase;
            position++;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            if (position + 1 + lengthOfLength > data.Length)
                throw new CairnException($"invalid RLP: length field at offset {start} runs past the end of the input");
            if (data[position + 1] == 0)
                throw new CairnException($"invalid RLP: long length at offset {start} has leading zero bytes");
            if (lengthOfLength > 4) throw new CairnException($"invalid RLP: length at offset {start} does not fit in 32 bits");
            long longLength = 0;
            for (var i = 0; i < lengthOfLength; i++) longLength = (longLength << 8) | data[position + 1 + i];
            if (longLength < 56) throw new CairnException($"invalid RLP: long form used for length {longLength} at offset {start}");
            if (longLength > int.MaxValue) throw new CairnException($"invalid RLP: length {longLength} at offset {start} is too large");
            length = (int)longLength;
            position += 1 + lengthOfLength;
        }
        if ((long)position + length > data.Length)
            throw new CairnException($"invalid RLP: item at offset {start} declares {length} bytes but only {data.Length - position} remain");
        var payload = data.Slice(position, length);
        position += length;
        if (!isList)
        {
            if (length == 1 && payload[0] < 0x80)
                throw new CairnException($"invalid RLP: single byte 0x{payload[0]:x2} at offset {start} must not carry a length prefix");
            return RlpItem.String(payload.ToArray());
        }
        var items = new List<RlpItem>();
        var inner = 0;
        while (inner < payload.Length) items.Add(Read(payload, ref inner));
        return RlpItem.List(items);
    }
}
