using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.TestSupport;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>Ingests the first 600 real mainnet blocks (Bitcoin Core blk*.dat framing) and checks the index against an independent parse.</summary>
public sealed class MainnetBlocksIngestTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _blocks;

    public MainnetBlocksIngestTests()
    {
        _blocks = _temp.Sub("blocks");
        foreach (var name in new[] { "blk00000.dat", "blk00001.dat" })
            File.Copy(SharedData.PathOf("nbitcoin", "blocks", name), Path.Combine(_blocks, name));
    }

    public void Dispose() => _temp.Dispose();

    private BitcoinIndex Ingest(string name = "index")
    {
        var directory = Path.Combine(_temp.Path, name);
        using (var writer = BitcoinIndexWriter.Open(directory, Network.Main))
            new BitcoinIngest(writer).FromBlockFiles(_blocks);
        return BitcoinIndex.OpenRead(directory);
    }

    private List<Block> ParsedBlocks() =>
        new BlockFileReader(_blocks, Network.Main).ReadAll().Select(r => Block.Parse(r.RawBlock.Span)).ToList();

    [Fact]
    public void Ingest_HoldsEveryBlockTransactionAndOutput_OfTheRealFiles()
    {
        var blocks = ParsedBlocks();
        using var index = Ingest();
        Assert.Equal(600, index.BlockCount);
        Assert.Equal(blocks.Sum(b => b.Transactions.Count), index.TransactionCount);
        Assert.Equal(blocks.Sum(b => b.Transactions.Sum(t => t.Outputs.Count)), index.OutputCount);
        Assert.Equal(blocks.Sum(b => b.Transactions.Where(t => !t.IsCoinbase).Sum(t => t.Inputs.Count)), index.InputCount);
        Assert.Equal(Network.Main.GenesisHash, index.BlockHashAt(0));
        Assert.Equal(blocks[^1].Hash, index.TipHash);
    }

    [Fact]
    public void Ingest_LinksEveryInputToTheOutputItSpends_AsTheParserSeesIt()
    {
        var blocks = ParsedBlocks();
        using var index = Ingest();
        foreach (var tx in blocks.SelectMany(b => b.Transactions).Where(t => !t.IsCoinbase))
        {
            Assert.True(index.TryFindTransaction(tx.TxId, out var id));
            var (first, end) = index.InputsOf(id);
            Assert.Equal(tx.Inputs.Count, (int)(end - first));
            for (var i = 0; i < tx.Inputs.Count; i++)
            {
                var spent = index.SpentOutputOf(first + (uint)i);
                Assert.Equal(tx.Inputs[i].PreviousOutput.TxId, index.TransactionHash(index.TransactionOfOutput(spent)));
                Assert.Equal(tx.Inputs[i].PreviousOutput.Index, index.VoutOf(spent));
                Assert.Equal(id, index.SpenderOf(spent));
            }
        }
    }

    [Fact]
    public void GenesisAddress_FilesThePayToPubKeyCoinbase_UnderItsKeyHashAddress()
    {
        using var index = Ingest();
        var key = AddressKey.Parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Network.Main);
        Assert.True(index.TryFindAddress(key, out var address));
        var outputs = index.OutputsOfAddress(address).ToList();
        Assert.Single(outputs);
        Assert.Equal(50_0000_0000, index.Value(outputs[0]));
        Assert.Equal(ScriptType.P2PK, index.ScriptTypeOf(outputs[0]));
        Assert.Null(index.SpenderOf(outputs[0]));
    }

    [Fact]
    public void FirstBitcoinTransaction_Block170_IsFoundWithItsFeeAndSpentCoinbase()
    {
        using var index = Ingest();
        var txid = Hash256.Parse("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        Assert.True(index.TryFindTransaction(txid, out var tx));
        Assert.Equal(170u, index.HeightOf(tx));
        Assert.Equal(0, index.FeeOf(tx));
        var (first, end) = index.OutputsOf(tx);
        Assert.Equal(2u, end - first);
        Assert.Equal(10_0000_0000, index.Value(first));
        Assert.Equal(40_0000_0000, index.Value(first + 1));
    }

    [Fact]
    public void Ingest_IsIdempotent_AndTwoBuildsAreByteIdentical()
    {
        using (Ingest("a")) { }
        using (var again = BitcoinIndexWriter.Open(Path.Combine(_temp.Path, "a"), Network.Main))
        {
            var report = new BitcoinIngest(again).FromBlockFiles(_blocks);
            Assert.Equal(0, report.BlocksAdded);
            Assert.Equal(0, report.BlocksRolledBack);
        }
        using (Ingest("b")) { }
        Assert.Equal(IndexFiles.Fingerprint(Path.Combine(_temp.Path, "b")), IndexFiles.Fingerprint(Path.Combine(_temp.Path, "a")));
    }

    [Fact]
    public void Ingest_OfXorObfuscatedFiles_GivesTheSameIndex()
    {
        using (Ingest("plain")) { }
        var obfuscated = _temp.Sub("xor-blocks");
        byte[] key = [0x5a, 0x13, 0xc7, 0x01, 0xee, 0x42, 0x99, 0x0f];
        File.WriteAllBytes(Path.Combine(obfuscated, "xor.dat"), key);
        foreach (var file in Directory.GetFiles(_blocks, "blk*.dat"))
        {
            var bytes = File.ReadAllBytes(file);
            BlockFileReader.Deobfuscate(bytes, 0, key);
            File.WriteAllBytes(Path.Combine(obfuscated, Path.GetFileName(file)), bytes);
        }
        var directory = Path.Combine(_temp.Path, "from-xor");
        using (var writer = BitcoinIndexWriter.Open(directory, Network.Main))
            new BitcoinIngest(writer).FromBlockFiles(obfuscated);
        Assert.Equal(IndexFiles.Fingerprint(Path.Combine(_temp.Path, "plain")), IndexFiles.Fingerprint(directory));
    }
}
