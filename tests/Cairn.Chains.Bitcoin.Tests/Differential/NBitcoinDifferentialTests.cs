using NBitcoin;
using NBitcoin.DataEncoders;

namespace Cairn.Chains.Bitcoin.Tests.Differential;

/// <summary>
/// Differential test against NBitcoin (test-only reference; production code keeps its own parser):
/// every transaction of every real block in ../shared/data must give the same txid, wtxid, inputs
/// (previous outputs, sequences, scriptSigs, witnesses), outputs (values, scripts), script types
/// and addresses in both.
/// </summary>
public class NBitcoinDifferentialTests
{
    public static TheoryData<string> Blocks() => new(RealBlocks.All().Select(b => b.Name));

    [Theory]
    [MemberData(nameof(Blocks))]
    public void EveryTransaction_AgreesWithNBitcoin(string name)
    {
        var source = RealBlocks.All().Single(b => b.Name == name);
        var nbNetwork = source.Network == Network.Main ? NBitcoin.Network.Main : NBitcoin.Network.TestNet;
        var ours = Block.Parse(source.Bytes);
        var theirs = NBitcoin.Block.Load(source.Bytes, nbNetwork);

        Assert.Equal(theirs.GetHash().ToString(), ours.Hash.ToString());
        Assert.Equal(theirs.Transactions.Count, ours.Transactions.Count);
        for (var t = 0; t < ours.Transactions.Count; t++)
        {
            var (mine, reference) = (ours.Transactions[t], theirs.Transactions[t]);
            var where = $"{name} tx {t} {reference.GetHash()}";
            Assert.True(reference.GetHash().ToString() == mine.TxId.ToString(), $"{where}: txid");
            Assert.True(reference.GetWitHash().ToString() == mine.WitnessTxId.ToString(), $"{where}: wtxid");
            Assert.Equal(reference.Inputs.Count, mine.Inputs.Count);
            for (var i = 0; i < mine.Inputs.Count; i++)
            {
                var (input, nbInput) = (mine.Inputs[i], reference.Inputs[i]);
                Assert.True($"{nbInput.PrevOut.Hash}:{nbInput.PrevOut.N}" == input.PreviousOutput.ToString(), $"{where} input {i}: previous output");
                Assert.True((uint)nbInput.Sequence == input.Sequence, $"{where} input {i}: sequence");
                Assert.True(nbInput.ScriptSig.ToBytes().AsSpan().SequenceEqual(input.ScriptSig), $"{where} input {i}: scriptSig");
                Assert.Equal(nbInput.WitScript.Pushes.Select(Convert.ToHexString), input.Witness.Select(Convert.ToHexString));
            }
            Assert.Equal(reference.Outputs.Count, mine.Outputs.Count);
            for (var o = 0; o < mine.Outputs.Count; o++)
            {
                var (output, nbOutput) = (mine.Outputs[o], reference.Outputs[o]);
                Assert.True(nbOutput.Value.Satoshi == output.Value, $"{where} output {o}: value");
                Assert.True(nbOutput.ScriptPubKey.ToBytes().AsSpan().SequenceEqual(output.ScriptPubKey), $"{where} output {o}: script");
                Assert.True(TypeOf(nbOutput.ScriptPubKey) == output.ScriptType, $"{where} output {o}: script type {output.ScriptType}, NBitcoin {TypeOf(nbOutput.ScriptPubKey)}");
                Assert.True(AddressOf(nbOutput.ScriptPubKey, nbNetwork) == AddressCodec.FromScript(output.ScriptPubKey, source.Network), $"{where} output {o}: address");
            }
        }
    }

    [Fact]
    public void TheRealBlocks_CoverEveryScriptTypeTheyHold_AndAreMany()
    {
        var blocks = RealBlocks.All().ToList();
        var types = blocks.SelectMany(b => Block.Parse(b.Bytes).Transactions).SelectMany(t => t.Outputs).Select(o => o.ScriptType).ToHashSet();

        Assert.True(blocks.Count >= 600, $"{blocks.Count} blocks");
        Assert.Superset(new HashSet<ScriptType> { ScriptType.P2PK, ScriptType.P2PKH, ScriptType.P2SH, ScriptType.P2WPKH, ScriptType.P2WSH, ScriptType.NullData }, types);
    }

    /// <summary>NBitcoin's classification in Cairn's terms (Bitcoin Core's Solver templates).</summary>
    private static ScriptType TypeOf(Script script)
    {
        if (script.IsScriptType(NBitcoin.ScriptType.P2PKH)) return ScriptType.P2PKH;
        if (script.IsScriptType(NBitcoin.ScriptType.P2SH)) return ScriptType.P2SH;
        if (script.IsScriptType(NBitcoin.ScriptType.P2WPKH)) return ScriptType.P2WPKH;
        if (script.IsScriptType(NBitcoin.ScriptType.P2WSH)) return ScriptType.P2WSH;
        if (script.IsScriptType(NBitcoin.ScriptType.Taproot)) return ScriptType.P2TR;
        if (script.IsScriptType(NBitcoin.ScriptType.Witness)) return ScriptType.WitnessUnknown;
        if (script.IsScriptType(NBitcoin.ScriptType.P2PK)) return ScriptType.P2PK;
        if (script.IsScriptType(NBitcoin.ScriptType.MultiSig)) return ScriptType.Multisig;
        // Core's Solver takes any push-only OP_RETURN as data; NBitcoin's template caps the size by default.
        if (new TxNullDataTemplate(int.MaxValue).CheckScriptPubKey(script)) return ScriptType.NullData;
        return ScriptType.NonStandard;
    }

    /// <summary>
    /// NBitcoin's destination address; P2PK is left without one, as Cairn does (a P2PK output is
    /// not at the P2PKH address of its key).
    /// </summary>
    private static string? AddressOf(Script script, NBitcoin.Network network) =>
        script.IsScriptType(NBitcoin.ScriptType.P2PK) ? null : script.GetDestinationAddress(network)?.ToString();
}
