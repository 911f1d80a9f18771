using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.TestSupport;

namespace Cairn.Index.Tests.Chains;

/// <summary>
/// The ingest scanner must agree with the full parser on the real blocks of every UTXO chain
/// (tests/data/chains): Litecoin's MWEB blocks (HogEx flagged, extension skipped), Dogecoin's AuxPoW
/// blocks (proof skipped), Bitcoin Cash's blocks (addresses by CashAddr).
/// </summary>
public class OtherChainScannerTests
{
    public static TheoryData<string, string> Blocks() => new()
    {
        { "ltc-testnet4", "ltc/testnet4Block1821752.dat" },
        { "ltc-testnet4", "ltc/testnet4Block2215584.dat" },
        { "ltc-testnet4", "ltc/testnet4Block2215586.dat" },
        { "ltc-testnet4", "ltc/testnet4Block2319633.dat" },
        { "ltc-testnet4", "ltc/testnet4Block2321749.dat" },
        { "doge-main", "doge/dogecoin_block1.bin" },
        { "doge-main", "doge/dogecoin_block250000.bin" },
        { "doge-main", "doge/dogecoin_block371337.bin" },
        { "doge-main", "doge/dogecoin_block748634.bin" },
        { "doge-main", "doge/dogecoin_block894863.bin" },
        { "bch-main", "bch/block-576069.hex" },
        { "bch-main", "bch/block-663750.hex" },
        { "bch-main", "bch/block-663752.hex" },
    };

    private static byte[] Load(string relative)
    {
        var path = SharedData.ChainData(relative.Split('/'));
        return relative.EndsWith(".hex", StringComparison.Ordinal) ? Convert.FromHexString(File.ReadAllText(path).Trim()) : File.ReadAllBytes(path);
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Scan_AgreesWithTheParser_OnTxidsOutputsAndAddresses(string networkName, string relative)
    {
        var network = Network.Parse(networkName);
        var bytes = Load(relative);
        var parsed = Block.Parse(bytes, network);
        var scanned = new ScannedBlock();
        new BlockScanner(network).Scan(bytes, scanned, relative);

        Assert.Equal(parsed.Hash, scanned.Hash);
        Assert.Equal(parsed.Transactions.Count, scanned.TransactionCount);
        Assert.Equal(bytes.Length, scanned.SerializedSize);
        for (var t = 0; t < parsed.Transactions.Count; t++)
        {
            var tx = parsed.Transactions[t];
            Assert.Equal(tx.TxId, scanned.TxIds[t]);
            Assert.Equal(tx.IsHogEx, ((TxFlags)scanned.TxFlags[t]).HasFlag(TxFlags.MwebHogEx));
            Assert.Equal(tx.HasWitness, ((TxFlags)scanned.TxFlags[t]).HasFlag(TxFlags.SegWit));
            for (var o = 0; o < tx.Outputs.Count; o++)
            {
                var index = scanned.TxFirstOutput[t] + o;
                var script = tx.Outputs[o].ScriptPubKey;
                Assert.Equal(tx.Outputs[o].Value, scanned.OutputValue[index]);
                var address = scanned.OutputAddress[index];
                if (ScriptClassifier.Classify(script) is ScriptType.P2PKH or ScriptType.P2SH or ScriptType.P2WPKH or ScriptType.P2WSH)
                    Assert.Equal(AddressCodec.FromScript(script, network), address.ToDisplayString(network));
            }
        }
    }

    [Fact]
    public void Scan_OfAnMwebBlock_FlagsOnlyTheLastTransactionAsTheHogEx()
    {
        var bytes = Load("ltc/testnet4Block2215586.dat");
        var scanned = new ScannedBlock();
        new BlockScanner(Network.LitecoinTestNet4).Scan(bytes, scanned, "block 2215586");

        var hogEx = Enumerable.Range(0, scanned.TransactionCount).Where(t => ((TxFlags)scanned.TxFlags[t]).HasFlag(TxFlags.MwebHogEx)).ToList();
        Assert.Equal([scanned.TransactionCount - 1], hogEx);
    }

    [Fact]
    public void Scan_OfADogecoinAuxPowBlockAsBitcoin_IsRefused()
    {
        var bytes = Load("doge/dogecoin_block371337.bin");
        Assert.ThrowsAny<Cairn.Core.CairnException>(() => new BlockScanner(Network.Main).Scan(bytes, new ScannedBlock(), "block 371337"));
    }
}
