using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Core;
using Cairn.Index.Columns;

namespace Cairn.Index.Ethereum;

/// <summary>
/// Read-only view of a committed Ethereum index: memory-mapped columns addressed by dense ids
/// (layout in docs/ethereum.md). The address hash index (20-byte key → id) is built in memory
/// when the index is opened. Opening takes a snapshot of the head: rows committed later are not seen.
/// </summary>
public sealed class EthereumIndex : IDisposable
{
    private readonly MappedColumn<EthBlockRow> _blocks;
    private readonly MappedColumn<EthTransactionRow> _transactions;
    private readonly MappedColumn<AddressKey> _addresses;
    private readonly MappedColumn<EthTokenRow> _tokens;
    private readonly MappedColumn<EthWideValueRow> _wide;
    private readonly MappedColumn<byte> _kind;
    private readonly MappedColumn<uint> _from;
    private readonly MappedColumn<uint> _to;
    private readonly MappedColumn<uint> _token;
    private readonly MappedColumn<UInt128> _value;
    private readonly MappedColumn<long> _transaction;
    private readonly MappedColumn<int> _ordinal;
    private readonly MappedColumn<uint> _block;
    private readonly MappedColumn<long> _outOffsets;
    private readonly MappedColumn<long> _outRows;
    private readonly MappedColumn<long> _inOffsets;
    private readonly MappedColumn<long> _inRows;
    private readonly Dictionary<AddressKey, int> _addressIds;
    private readonly EthTxHashIndex? _txHashes;

    private EthereumIndex(string directory, EthIndexHead head)
    {
        Directory = directory;
        Head = head;
        string PathOf(string name) => Path.Combine(directory, name);
        _blocks = MappedColumn<EthBlockRow>.OpenReadOnly(PathOf(EthIndexFiles.Blocks), head.Blocks);
        _transactions = MappedColumn<EthTransactionRow>.OpenReadOnly(PathOf(EthIndexFiles.Transactions), head.Transactions);
        _addresses = MappedColumn<AddressKey>.OpenReadOnly(PathOf(EthIndexFiles.Addresses), head.Addresses);
        _tokens = MappedColumn<EthTokenRow>.OpenReadOnly(PathOf(EthIndexFiles.Tokens), head.Tokens);
        _wide = MappedColumn<EthWideValueRow>.OpenReadOnly(PathOf(EthIndexFiles.WideValues), head.WideValues);
        _kind = MappedColumn<byte>.OpenReadOnly(PathOf(EthIndexFiles.TransferKind), head.Transfers);
        _from = MappedColumn<uint>.OpenReadOnly(PathOf(EthIndexFiles.TransferFrom), head.Transfers);
        _to = MappedColumn<uint>.OpenReadOnly(PathOf(EthIndexFiles.TransferTo), head.Transfers);
        _token = MappedColumn<uint>.OpenReadOnly(PathOf(EthIndexFiles.TransferToken), head.Transfers);
        _value = MappedColumn<UInt128>.OpenReadOnly(PathOf(EthIndexFiles.TransferValue), head.Transfers);
        _transaction = MappedColumn<long>.OpenReadOnly(PathOf(EthIndexFiles.TransferTransaction), head.Transfers);
        _ordinal = MappedColumn<int>.OpenReadOnly(PathOf(EthIndexFiles.TransferOrdinal), head.Transfers);
        _block = MappedColumn<uint>.OpenReadOnly(PathOf(EthIndexFiles.TransferBlock), head.Transfers);
        var adjacency = head.AdjacencyTransfers > 0 && head.AdjacencyTransfers <= head.Transfers && head.AdjacencyAddresses <= head.Addresses
            && new FileInfo(PathOf(EthIndexFiles.OutRows)) is { Exists: true } rows && rows.Length == head.AdjacencyTransfers * 8;
        AdjacencyTransfers = adjacency ? head.AdjacencyTransfers : 0;
        var adjacencyAddresses = adjacency ? head.AdjacencyAddresses + 1 : 0;
        _outOffsets = MappedColumn<long>.OpenReadOnly(PathOf(EthIndexFiles.OutOffsets), adjacencyAddresses);
        _outRows = MappedColumn<long>.OpenReadOnly(PathOf(EthIndexFiles.OutRows), AdjacencyTransfers);
        _inOffsets = MappedColumn<long>.OpenReadOnly(PathOf(EthIndexFiles.InOffsets), adjacencyAddresses);
        _inRows = MappedColumn<long>.OpenReadOnly(PathOf(EthIndexFiles.InRows), AdjacencyTransfers);
        _addressIds = new Dictionary<AddressKey, int>(head.Addresses);
        for (var id = 0; id < head.Addresses; id++) _addressIds[_addresses.At(id)] = id;
        _txHashes = EthTxHashIndex.TryOpen(directory, head, number =>
            number >= head.StartBlock && number < head.StartBlock + head.Blocks ? _blocks.At(number - head.StartBlock).Hash : null);
    }

    public string Directory { get; }

    public EthIndexHead Head { get; }

    /// <summary>Symbol of the chain's native coin (token id 0): ETH on Ethereum, Arbitrum and Base, BNB on BNB Smart Chain, POL on Polygon.</summary>
    public string NativeSymbol { get; private init; } = "ETH";

    /// <summary>Transfers covered by the CSR files; later rows are found by a scan of the tail.</summary>
    public long AdjacencyTransfers { get; }

    public long TransferCount => Head.Transfers;

    public int AddressCount => Head.Addresses;

    /// <summary>Opens the index in <paramref name="directory"/>; throws <see cref="NotFoundException"/> when there is none.</summary>
    public static EthereumIndex Open(string directory) => Open(directory, "ETH", "Ethereum", "eth");

    /// <summary>Opens the index of an EVM chain whose native coin is <paramref name="nativeSymbol"/>; the chain's name and id word the error when there is none.</summary>
    public static EthereumIndex Open(string directory, string nativeSymbol, string chainName, string chainId)
    {
        var head = EthIndexHead.Read(directory)
            ?? throw new NotFoundException($"no {chainName} index in {directory}: run 'cairn {chainId} ingest' with the node's RPC URL first");
        return new EthereumIndex(directory, head) { NativeSymbol = nativeSymbol };
    }

    public bool TryGetAddressId(string address, out int id) => _addressIds.TryGetValue(AddressKey.FromHex(EthAddress.Normalize(address)), out id);

    /// <summary>The id of <paramref name="address"/>; throws <see cref="NotFoundException"/> when it never moved value.</summary>
    public int AddressId(string address) =>
        TryGetAddressId(address, out var id) ? id : throw new NotFoundException($"address {address} has no transfers in the Ethereum index ({Directory})");

    /// <summary>Lower-case hex of an address id.</summary>
    public string AddressOf(int id) => _addresses.At(id).ToHex();

    public EthTransfer Transfer(long row)
    {
        var flags = _kind.At(row);
        return new EthTransfer(row, (TransferKind)(flags & 0x0f), (int)_from.At(row), (int)_to.At(row), (int)_token.At(row),
            (flags & EthIndexFiles.WideValueFlag) != 0 ? WideValue(row, 0) : (BigInteger)_value.At(row),
            _transaction.At(row), _ordinal.At(row), _block.At(row));
    }

    /// <summary>The 128-bit value column directly (tracing's hot path); null when the value is wider.</summary>
    public UInt128? NarrowValue(long row) => (_kind.At(row) & EthIndexFiles.WideValueFlag) != 0 ? null : _value.At(row);

    public int FromId(long row) => (int)_from.At(row);

    public int ToId(long row) => (int)_to.At(row);

    public int TokenIdOf(long row) => (int)_token.At(row);

    public long BlockOf(long row) => _block.At(row);

    /// <summary>The ERC-721 token id of a transfer row, when it is one.</summary>
    public BigInteger? NftTokenId(long row) => (TransferKind)(_kind.At(row) & 0x0f) == TransferKind.Erc721 ? WideValue(row, 1) : null;

    /// <summary>Transfer rows leaving <paramref name="addressId"/>, in chain order.</summary>
    public IEnumerable<long> OutgoingRows(int addressId) => Adjacent(addressId, _outOffsets, _outRows, _from);

    /// <summary>Transfer rows reaching <paramref name="addressId"/>, in chain order.</summary>
    public IEnumerable<long> IncomingRows(int addressId) => Adjacent(addressId, _inOffsets, _inRows, _to);

    /// <summary>The CSR slice of outgoing rows (covers rows below <see cref="AdjacencyTransfers"/> only).</summary>
    public ReadOnlySpan<long> OutgoingSpan(int addressId) =>
        addressId + 1 < _outOffsets.Count ? _outRows.Slice(_outOffsets.At(addressId), (int)(_outOffsets.At(addressId + 1) - _outOffsets.At(addressId))) : [];

    public EthTokenInfo Token(int tokenId)
    {
        if (tokenId == 0) return new EthTokenInfo(0, null, NativeSymbol, BaseUnits.EtherDecimals);
        var row = _tokens.At(tokenId - 1);
        var symbol = System.Text.Encoding.UTF8.GetString(((ReadOnlySpan<byte>)row.Symbol)[..row.SymbolLength]);
        return new EthTokenInfo(tokenId, row.Contract.ToHex(), symbol, row.Decimals == 255 ? null : row.Decimals);
    }

    /// <summary>Token id for an asset name: "ETH" or the native symbol (0), or a token contract address.</summary>
    public int TokenIdFor(string asset)
    {
        if (string.Equals(asset, "eth", StringComparison.OrdinalIgnoreCase) || string.Equals(asset, NativeSymbol, StringComparison.OrdinalIgnoreCase)) return 0;
        var key = AddressKey.FromHex(EthAddress.Normalize(asset));
        for (var row = 0; row < _tokens.Count; row++)
            if (_tokens.At(row).Contract == key) return row + 1;
        throw new NotFoundException($"token contract {asset} has no transfers in the Ethereum index ({Directory})");
    }

    public EthTransactionInfo Transaction(long id)
    {
        var row = _transactions.At(id);
        return new EthTransactionInfo(id, row.Hash.ToHex(), row.BlockNumber, row.IndexInBlock,
            row.Status switch { 1 => true, 0 => false, _ => null }, BlockTimestamp(row.BlockNumber));
    }

    /// <summary>
    /// Finds a transaction by hash: a binary search of the hash index (txs.byhash.bin) for the
    /// transactions it covers, a scan of txs.bin for the rest (all of them when the hash index is missing or stale).
    /// </summary>
    public EthTransactionInfo FindTransaction(string hash)
    {
        var bytes = Hex.ToBytes(hash, "transaction hash");
        if (bytes.Length != 32) throw new CairnException($"malformed transaction hash '{hash}': expected 0x followed by 64 hex digits");
        long scanFrom = 0;
        if (_txHashes is not null)
        {
            foreach (var candidate in _txHashes.Candidates(bytes))
                if (((ReadOnlySpan<byte>)_transactions.At(candidate).Hash).SequenceEqual(bytes)) return Transaction(candidate);
            scanFrom = _txHashes.Covered;
        }
        for (var id = scanFrom; id < _transactions.Count; id++)
            if (((ReadOnlySpan<byte>)_transactions.At(id).Hash).SequenceEqual(bytes)) return Transaction(id);
        throw new NotFoundException($"transaction {hash} is not in the Ethereum index ({Directory})");
    }

    /// <summary>Transfer rows of one transaction (contiguous, found by binary search on the tx column).</summary>
    public IEnumerable<long> TransfersOfTransaction(long transactionId)
    {
        long low = 0, high = TransferCount;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_transaction.At(middle) < transactionId) low = middle + 1;
            else high = middle;
        }
        for (var row = low; row < TransferCount && _transaction.At(row) == transactionId; row++) yield return row;
    }

    public long BlockTimestamp(long number) =>
        number >= Head.StartBlock && number < Head.StartBlock + Head.Blocks ? _blocks.At(number - Head.StartBlock).Timestamp : 0;

    public string BlockHash(long number) => _blocks.At(number - Head.StartBlock).Hash.ToHex();

    public void Dispose()
    {
        IDisposable[] all = [_blocks, _transactions, _addresses, _tokens, _wide, _kind, _from, _to, _token, _value, _transaction, _ordinal, _block, _outOffsets, _outRows, _inOffsets, _inRows];
        foreach (var column in all) column.Dispose();
        _txHashes?.Dispose();
    }

    private IEnumerable<long> Adjacent(int addressId, MappedColumn<long> offsets, MappedColumn<long> rows, MappedColumn<uint> endpoint)
    {
        if (addressId + 1 < offsets.Count)
            for (var i = offsets.At(addressId); i < offsets.At(addressId + 1); i++) yield return rows.At(i);
        for (var row = AdjacencyTransfers; row < TransferCount; row++)
            if (endpoint.At(row) == (uint)addressId) yield return row;
    }

    private BigInteger WideValue(long row, long field)
    {
        long low = 0, high = _wide.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var candidate = _wide.At(middle);
            if (candidate.TransferRow < row || (candidate.TransferRow == row && candidate.Field < field)) low = middle + 1;
            else high = middle;
        }
        if (low < _wide.Count && _wide.At(low).TransferRow == row && _wide.At(low).Field == field)
            return Hex.ToUnsigned(_wide.At(low).BigEndianValue);
        throw new InvalidDataException($"transfer row {row} lacks its wide value in {Directory}: the index is damaged");
    }
}
