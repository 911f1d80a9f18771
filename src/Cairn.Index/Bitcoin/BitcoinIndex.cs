using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Index.Columns;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// The Bitcoin chain index: append-only fixed-width columns in memory-mapped files, one row
/// per block, transaction, input, output and address, addressed by dense ids (byte layout in
/// docs/chain-index.md). Readers walk it at memory speed; <see cref="BitcoinIndexWriter"/>
/// appends to it. Linked values use id+1 so that 0 can mean "none".
/// </summary>
public sealed partial class BitcoinIndex : IDisposable
{
    internal const string TxIdIndexFile = "txid.hidx";
    internal const string AddressIndexFile = "address.hidx";

    private readonly List<IDisposable> _owned = [];

    internal BitcoinIndex(string directory, IndexManifest manifest, bool writable)
    {
        Directory = directory;
        Network = Network.Parse(manifest.Network);
        Writable = writable;
        BlockHash = Column<Hash256>("block_hash", manifest.Blocks);
        BlockTime = Column<uint>("block_time", manifest.Blocks);
        BlockFirstTx = Column<uint>("block_first_tx", manifest.Blocks);
        BlockFirstAddress = Column<uint>("block_first_address", manifest.Blocks);
        TxHash = Column<Hash256>("tx_hash", manifest.Transactions);
        TxFirstInput = Column<uint>("tx_first_input", manifest.Transactions);
        TxFirstOutput = Column<uint>("tx_first_output", manifest.Transactions);
        TxLockTime = Column<uint>("tx_locktime", manifest.Transactions);
        TxVirtualSize = Column<uint>("tx_vsize", manifest.Transactions);
        TxFlagsColumn = Column<byte>("tx_flags", manifest.Transactions);
        InputSpentOutput = Column<uint>("in_spent_output", manifest.Inputs);
        OutputValue = Column<StoredValue>("out_value", manifest.Outputs);
        OutputLargeValues = Column<LargeOutputValue>("out_value_large", manifest.LargeValues);
        OutputAddress = Column<uint>("out_address", manifest.Outputs);
        OutputTypeColumn = Column<byte>("out_type", manifest.Outputs);
        OutputSpender = Column<uint>("out_spender", manifest.Outputs, heldInMemory: true);
        OutputPreviousSameAddress = Column<uint>("out_prev_same_address", manifest.Outputs);
        AddressKeys = Column<StoredAddressKey>("addr_key", manifest.Addresses);
        AddressKeyTails = Column<UInt128>("addr_key_tail", manifest.AddressTails);
        AddressLastOutput = Column<uint>("addr_last_output", manifest.Addresses, heldInMemory: true);
        AddressOutputCount = Column<byte>("addr_output_count", manifest.Addresses, heldInMemory: true);
    }

    public string Directory { get; }

    public Network Network { get; }

    internal bool Writable { get; }

    internal MappedColumn<Hash256> BlockHash { get; }
    internal MappedColumn<uint> BlockTime { get; }
    internal MappedColumn<uint> BlockFirstTx { get; }
    internal MappedColumn<uint> BlockFirstAddress { get; }
    internal MappedColumn<Hash256> TxHash { get; }
    internal MappedColumn<uint> TxFirstInput { get; }
    internal MappedColumn<uint> TxFirstOutput { get; }
    internal MappedColumn<uint> TxLockTime { get; }
    internal MappedColumn<uint> TxVirtualSize { get; }
    internal MappedColumn<byte> TxFlagsColumn { get; }
    internal MappedColumn<uint> InputSpentOutput { get; }
    internal MappedColumn<StoredValue> OutputValue { get; }
    internal MappedColumn<LargeOutputValue> OutputLargeValues { get; }
    internal MappedColumn<uint> OutputAddress { get; }
    internal MappedColumn<byte> OutputTypeColumn { get; }
    internal MappedColumn<uint> OutputSpender { get; }
    internal MappedColumn<uint> OutputPreviousSameAddress { get; }
    internal MappedColumn<StoredAddressKey> AddressKeys { get; }
    internal MappedColumn<UInt128> AddressKeyTails { get; }
    internal MappedColumn<uint> AddressLastOutput { get; }
    /// <summary>Outputs paid to each address, saturating at <see cref="SaturatedOutputCount"/> (format 3; see <see cref="OutputCountOfAddress"/>).</summary>
    internal MappedColumn<byte> AddressOutputCount { get; }

    /// <summary>
    /// The stored count at and above which an address's outputs are counted by walking its list. One byte a count
    /// instead of four saves 3 bytes per address (1.7 per input+output on the bench chain); addresses with 255 outputs
    /// or more are few, and a walk over them is what listing their outputs costs anyway.
    /// </summary>
    internal const byte SaturatedOutputCount = byte.MaxValue;
    internal HashIndex TxIdIndex { get; set; } = null!;
    internal HashIndex AddressIndex { get; set; } = null!;

    public long BlockCount => BlockHash.Count;
    public long TransactionCount => TxHash.Count;
    public long InputCount => InputSpentOutput.Count;
    public long OutputCount => OutputValue.Count;
    public long AddressCount => AddressKeys.Count;

    /// <summary>Height of the tip, -1 when empty.</summary>
    public long TipHeight => BlockCount - 1;

    public Hash256? TipHash => BlockCount == 0 ? null : BlockHash[BlockCount - 1];

    /// <summary>Opens an existing index for reading.</summary>
    public static BitcoinIndex OpenRead(string directory)
    {
        var manifest = IndexManifest.Load(directory)
            ?? throw new CairnException($"no Bitcoin index in {directory}: run 'cairn btc ingest' first");
        if (File.Exists(Path.Combine(directory, BitcoinIndexWriter.UncommittedMarker)))
        {
            var chain = Network.Parse(manifest.Network).Chain;
            throw new CairnException($"the {(chain == "btc" ? "Bitcoin " : "")}index in {directory} was interrupted mid-write: run 'cairn {chain} ingest' again to repair and resume it");
        }
        var index = new BitcoinIndex(directory, manifest, writable: false);
        index.OpenHashIndexes(manifest);
        return index;
    }

    internal void OpenHashIndexes(IndexManifest manifest)
    {
        TxIdIndex = HashIndex.Open(Path.Combine(Directory, TxIdIndexFile), manifest.Transactions, Writable, TxHashOf);
        AddressIndex = HashIndex.Open(Path.Combine(Directory, AddressIndexFile), manifest.Addresses, Writable, AddressHashOf);
    }

    internal ulong TxHashOf(uint txId) => TxIdHash(TxHash[txId]);

    internal ulong AddressHashOf(uint addressId) => AddressKeys[addressId].ToKey(AddressKeyTails).Hash();

    internal static ulong TxIdHash(Hash256 txid)
    {
        Span<byte> bytes = stackalloc byte[32];
        txid.CopyTo(bytes);
        return KeyHash.Mix(BitConverter.ToUInt64(bytes) ^ BitConverter.ToUInt64(bytes[8..]));
    }

    /// <param name="heldInMemory">for a writer, a column written at random places (spenders, address heads and counts)</param>
    private MappedColumn<T> Column<T>(string name, long count, bool heldInMemory = false) where T : unmanaged
    {
        var column = MappedColumn<T>.Open(Path.Combine(Directory, name + ".col"), count, Writable, heldInMemory);
        _owned.Add(column);
        return column;
    }

    /// <summary>Total bytes of every index file (columns and hash indexes).</summary>
    public long SizeInBytes() =>
        new DirectoryInfo(Directory).EnumerateFiles().Where(f => f.Extension is ".col" or ".hidx").Sum(f => f.Length);

    public void Dispose()
    {
        TxIdIndex?.Dispose();
        AddressIndex?.Dispose();
        foreach (var owned in _owned) owned.Dispose();
        _owned.Clear();
    }
}
