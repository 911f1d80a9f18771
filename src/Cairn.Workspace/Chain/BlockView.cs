using System.Globalization;
using System.Text.Json.Serialization;
using Cairn.Chains.Bitcoin;
using Cairn.Core;

namespace Cairn.Workspace.Chain;

/// <summary>A raw block as `cairn btc block` shows it: header fields, merkle and witness checks, and every transaction with its inputs and outputs (amounts as satoshi strings beside BTC).</summary>
public sealed record BlockView(
    string Hash, string PreviousBlockHash, string MerkleRoot, bool MerkleRootMatches, bool? WitnessCommitmentMatches,
    int Version, uint Time, string TimeUtc, string Bits, uint Nonce, int Size, int TxCount,
    string TotalOutputSat, string TotalOutputBtc, IReadOnlyList<BlockView.TransactionRow> Transactions)
{
    /// <summary>Dogecoin: the merged-mining proof (parent block and coinbase), when the block carries one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AuxPowRow? AuxPow { get; init; }

    /// <summary>Litecoin: the MWEB extension after the HogEx (its header; the body is skipped), when the block carries one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MwebRow? Mweb { get; init; }

    public sealed record AuxPowRow(string ParentBlockHash, string CoinbaseTxid, int ChainId, int CoinbaseBranchLength, int ChainBranchLength, int Size);

    public sealed record MwebRow(bool Present, int Height, string OutputRoot, string KernelRoot, string OutputMmrSize, string KernelMmrSize, int BodySize, int Size);

    public sealed record TransactionRow(
        string Txid, string Wtxid, bool Coinbase, int Version, uint LockTime, int Size, int Weight,
        string TotalOutputSat, string TotalOutputBtc, IReadOnlyList<InputRow> Inputs, IReadOnlyList<OutputRow> Outputs);

    public sealed record InputRow(string? PrevoutTxid, uint? PrevoutIndex, uint Sequence, int ScriptSigSize, int WitnessItems);

    public sealed record OutputRow(int Index, string ValueSat, string ValueBtc, string ScriptType, string? Address, string ScriptHex);

    /// <summary>Reads a block file, binary or hex text (detected by content: hex text has only hex digits and whitespace), with addresses for <paramref name="network"/>.</summary>
    public static BlockView ReadFile(string path, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!File.Exists(path)) throw new CairnException($"block file '{path}' does not exist");
        var bytes = File.ReadAllBytes(path);
        var isHex = bytes.Length > 0 && bytes.All(b => char.IsAsciiHexDigit((char)b) || char.IsWhiteSpace((char)b));
        Block block;
        try
        {
            block = isHex ? Block.ParseHex(System.Text.Encoding.ASCII.GetString(bytes), network) : Block.Parse(bytes, network);
        }
        catch (CairnException ex)
        {
            throw new CairnException($"{ex.Message} in '{path}'", ex);
        }
        return Of(block, network);
    }

    public static BlockView Of(Block block, Network network)
    {
        ArgumentNullException.ThrowIfNull(block);
        var header = block.Header;
        return new BlockView(
            block.Hash.ToString(), header.PreviousBlockHash.ToString(), header.MerkleRoot.ToString(), block.MerkleRootMatches,
            block.WitnessCommitmentMatches, header.Version, header.Time, header.Timestamp.ToString("u", CultureInfo.InvariantCulture),
            header.Bits.ToString("x8", CultureInfo.InvariantCulture), header.Nonce, block.SerializedSize, block.Transactions.Count,
            Sat(block.TotalOutput), Btc(block.TotalOutput),
            block.Transactions.Select(t => Row(t, network)).ToArray())
        {
            AuxPow = block.AuxPow is { } aux
                ? new AuxPowRow(aux.ParentBlockHash.ToString(), aux.Coinbase.TxId.ToString(), Cairn.Chains.Bitcoin.AuxPow.ChainIdOf(header.Version), aux.CoinbaseBranchLength, aux.ChainBranchLength, aux.SerializedSize)
                : null,
            Mweb = block.Mweb is { } mweb
                ? new MwebRow(mweb.Present, mweb.Height, mweb.OutputRoot.ToString(), mweb.KernelRoot.ToString(), mweb.OutputMmrSize.ToString(CultureInfo.InvariantCulture),
                    mweb.KernelMmrSize.ToString(CultureInfo.InvariantCulture), mweb.BodySize, mweb.SerializedSize)
                : null,
        };
    }

    private static TransactionRow Row(Transaction transaction, Network network) => new(
        transaction.TxId.ToString(), transaction.WitnessTxId.ToString(), transaction.IsCoinbase, transaction.Version,
        transaction.LockTime, transaction.SerializedSize, transaction.Weight, Sat(transaction.TotalOutput), Btc(transaction.TotalOutput),
        transaction.Inputs.Select(i => new InputRow(
            transaction.IsCoinbase ? null : i.PreviousOutput.TxId.ToString(),
            transaction.IsCoinbase ? null : i.PreviousOutput.Index,
            i.Sequence, i.ScriptSig.Length, i.Witness.Count)).ToArray(),
        transaction.Outputs.Select((o, index) => Output(o, index, network)).ToArray());

    /// <summary>On Bitcoin Cash the address is that of the locking bytecode after any CashTokens prefix; the script shown is the whole field.</summary>
    private static OutputRow Output(TxOut output, int index, Network network)
    {
        var locking = network.CashTokens ? TokenPrefix.LockingBytecode(output.ScriptPubKey) : output.ScriptPubKey;
        return new OutputRow(index, Sat(output.Value), Btc(output.Value), ScriptTypeNames.Name(ScriptClassifier.Classify(locking)),
            AddressCodec.FromScript(locking, network), Convert.ToHexStringLower(output.ScriptPubKey));
    }

    private static string Sat(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Btc(long value) => BaseUnits.ToDecimalString(value, BaseUnits.BitcoinDecimals);
}
