using Cairn.Core;

namespace Cairn.Chains.Bitcoin.Tests.Transactions;

public class TransactionParsingTests
{
    // Genesis coinbase (chainparams.cpp), txid 4a5e1e4b…da33b.
    private const string GenesisCoinbase =
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

    [Fact]
    public void Parse_GenesisCoinbase_GivesItsTxIdValueAndCoinbaseFlag()
    {
        var transaction = Transaction.ParseHex(GenesisCoinbase);
        Assert.Equal("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", transaction.TxId.ToString());
        Assert.True(transaction.IsCoinbase);
        Assert.False(transaction.HasWitness);
        Assert.Equal(5_000_000_000, transaction.TotalOutput);
        Assert.Equal(ScriptType.P2PK, transaction.Outputs[0].ScriptType);
    }

    [Fact]
    public void Parse_TruncatedTransaction_NamesTheByteOffset()
    {
        var bytes = Convert.FromHexString(GenesisCoinbase);
        var ex = Assert.Throws<CairnException>(() => Transaction.Parse(bytes.AsSpan(0, 100)));
        // The scriptSig length (77) at byte 41 leaves 58 bytes after it.
        Assert.Equal("truncated transaction at byte 41: 77 bytes cannot fit in the 58 bytes left", ex.Message);
    }

    [Fact]
    public void Parse_TrailingBytes_AreRejected()
    {
        var bytes = Convert.FromHexString(GenesisCoinbase + "00");
        var ex = Assert.Throws<CairnException>(() => Transaction.Parse(bytes));
        Assert.Contains("1 unexpected bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownSegwitFlag_IsRejected()
    {
        var ex = Assert.Throws<CairnException>(() => Transaction.ParseHex("01000000" + "0002" + "00" + "00" + "00000000"));
        Assert.Contains("unknown segwit flag 0x02", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonCanonicalCompactSize_IsRejected()
    {
        // Input count 1 written in the 3-byte form fd 01 00.
        var ex = Assert.Throws<CairnException>(() => Transaction.ParseHex("01000000fd0100" + new string('0', 90)));
        Assert.Contains("non-canonical compact size 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CountLargerThanTheBytesLeft_IsRejectedBeforeAllocating()
    {
        var ex = Assert.Throws<CairnException>(() => Transaction.ParseHex("01000000feffffff00"));
        Assert.Contains("inputs cannot fit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ComputesTheSameIdsAsParsing()
    {
        var parsed = Transaction.ParseHex(GenesisCoinbase);
        var rebuilt = new Transaction(parsed.Version, parsed.Inputs, parsed.Outputs, parsed.LockTime);
        Assert.Equal(parsed.TxId, rebuilt.TxId);
        Assert.Equal(parsed.SerializedSize, rebuilt.SerializedSize);
    }
}
