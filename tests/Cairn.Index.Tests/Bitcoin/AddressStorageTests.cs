using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Development.Generation;

namespace Cairn.Index.Tests.Bitcoin;

/// <summary>
/// Address keys are stored in 21 bytes with a tail row for 32-byte payloads (docs/chain-index.md):
/// every output's address, read back through the index, must be the address the block
/// parser and the address codec give for its script, for 20-byte and 32-byte kinds alike.
/// </summary>
public sealed class AddressStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EveryOutputsAddress_ReadsBackAsTheParsersAddress_AndIsFoundByItsKey()
    {
        var blocks = _temp.Sub("blocks");
        ChainGenerator.Generate(new ChainGeneratorOptions { Transactions = 3000, Seed = 11, OutputDirectory = blocks, TransactionsPerBlock = 50 });
        var directory = Path.Combine(_temp.Path, "index");
        using (var writer = BitcoinIndexWriter.Open(directory, Network.RegTest))
            new BitcoinIngest(writer).FromBlockFiles(blocks);
        using var index = BitcoinIndex.OpenRead(directory);

        var kinds = new HashSet<AddressKind>();
        uint output = 0;
        foreach (var record in new BlockFileReader(blocks, Network.RegTest).ReadAll())
        {
            foreach (var tx in Block.Parse(record.RawBlock.Span, Network.RegTest).Transactions)
            {
                foreach (var txOut in tx.Outputs)
                {
                    var address = index.AddressOf(output++);
                    var expected = AddressCodec.FromScript(txOut.ScriptPubKey, Network.RegTest);
                    if (address == uint.MaxValue || expected is null) continue;
                    var key = index.AddressKeyOf(address);
                    kinds.Add(key.Kind);
                    Assert.Equal(expected, index.AddressString(address));
                    Assert.True(index.TryFindAddress(AddressKey.Parse(expected, Network.RegTest), out var found));
                    Assert.Equal(address, found);
                }
            }
        }
        Assert.Equal(index.OutputCount, output);
        // Both storage forms were exercised: whole 20-byte keys and keys with a tail row.
        Assert.Contains(AddressKind.WitnessPubKeyHash, kinds);
        Assert.Contains(AddressKind.Taproot, kinds);
        Assert.Contains(AddressKind.WitnessScriptHash, kinds);
    }
}
