using System.Text.Json;

namespace Cairn.Chains.Bitcoin.Tests.Transactions;

/// <summary>
/// Bitcoin Core's tx_valid.json / tx_invalid.json (NBitcoin's vendored copies). They test
/// script validation, not parsing: every serialized transaction in both files is well-formed,
/// so each must parse and re-serialise byte-identically.
/// </summary>
public class TransactionVectorTests
{
    public static TheoryData<string> VectorFiles => new() { "tx_valid.json", "tx_invalid.json" };

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void EverySerializedTransaction_ParsesAndReserialisesByteIdentically(string file)
    {
        var serialized = ReadSerializedTransactions(file);
        Assert.True(serialized.Count > 70, $"{file}: only {serialized.Count} vectors found");
        var withWitness = 0;
        foreach (var hex in serialized)
        {
            var bytes = Convert.FromHexString(hex);
            var transaction = Transaction.Parse(bytes);
            Assert.Equal(bytes, transaction.Serialize(withWitness: true));
            Assert.Equal(bytes.Length, transaction.SerializedSize);
            Assert.Equal(transaction.TxId, DoubleSha256.Compute(transaction.Serialize(withWitness: false)));
            if (transaction.HasWitness)
            {
                withWitness++;
                Assert.NotEqual(transaction.TxId, transaction.WitnessTxId);
                Assert.Equal(transaction.WitnessTxId, DoubleSha256.Compute(bytes));
            }
            else
            {
                Assert.Equal(transaction.TxId, transaction.WitnessTxId);
            }
        }
        Assert.True(withWitness > 5, $"{file}: expected segwit vectors, found {withWitness}");
    }

    [Fact]
    public void CanParseTransactionVectors_GiveTheirKnownTxIdsAndFields()
    {
        using var document = JsonDocument.Parse(TestData.Text("nbitcoin", "can_parse_transaction.json"));
        var checkedCount = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var vector = entry[0];
            var transaction = Transaction.ParseHex(vector.GetProperty("Raw").GetString()!);
            var json = vector.GetProperty("JSON");
            Assert.Equal(json.GetProperty("hash").GetString(), transaction.TxId.ToString());
            Assert.Equal(json.GetProperty("vin_sz").GetInt32(), transaction.Inputs.Count);
            Assert.Equal(json.GetProperty("vout_sz").GetInt32(), transaction.Outputs.Count);
            Assert.Equal(json.GetProperty("size").GetInt32(), transaction.SerializedSize);
            checkedCount++;
        }
        Assert.True(checkedCount > 0);
    }

    private static List<string> ReadSerializedTransactions(string file)
    {
        using var document = JsonDocument.Parse(TestData.Text("nbitcoin", file));
        return document.RootElement.EnumerateArray()
            .Where(e => e.GetArrayLength() >= 2 && e[1].ValueKind == JsonValueKind.String)
            .Select(e => e[1].GetString()!)
            .ToList();
    }
}
