using System.Numerics;
using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Tokens;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Core;

namespace Cairn.Index.Ethereum;

/// <summary>
/// Appends blocks to the Ethereum index and commits them atomically (<see cref="EthIndexHead"/>).
/// Rows appended after the last <see cref="Commit"/> vanish if the process dies; a rollback
/// truncates every column to the sizes recorded in the first removed block's row.
/// One writer per index directory at a time.
/// </summary>
public sealed class EthereumIndexWriter : IDisposable
{
    private readonly string _directory;
    private readonly AppendColumn<EthBlockRow> _blocks;
    private readonly AppendColumn<EthTransactionRow> _transactions;
    private readonly AppendColumn<AddressKey> _addresses;
    private readonly AppendColumn<EthTokenRow> _tokens;
    private readonly AppendColumn<EthWideValueRow> _wide;
    private readonly AppendColumn<byte> _kind;
    private readonly AppendColumn<uint> _from;
    private readonly AppendColumn<uint> _to;
    private readonly AppendColumn<uint> _token;
    private readonly AppendColumn<UInt128> _value;
    private readonly AppendColumn<long> _transaction;
    private readonly AppendColumn<int> _ordinal;
    private readonly AppendColumn<uint> _block;
    private readonly Dictionary<AddressKey, int> _addressIds = [];
    private readonly Dictionary<AddressKey, int> _tokenIds = [];
    private EthIndexHead _head;

    private EthereumIndexWriter(string directory, EthIndexHead head)
    {
        _directory = directory;
        _head = head;
        _blocks = Column<EthBlockRow>(EthIndexFiles.Blocks, head.Blocks);
        _transactions = Column<EthTransactionRow>(EthIndexFiles.Transactions, head.Transactions);
        _addresses = Column<AddressKey>(EthIndexFiles.Addresses, head.Addresses);
        _tokens = Column<EthTokenRow>(EthIndexFiles.Tokens, head.Tokens);
        _wide = Column<EthWideValueRow>(EthIndexFiles.WideValues, head.WideValues);
        _kind = Column<byte>(EthIndexFiles.TransferKind, head.Transfers);
        _from = Column<uint>(EthIndexFiles.TransferFrom, head.Transfers);
        _to = Column<uint>(EthIndexFiles.TransferTo, head.Transfers);
        _token = Column<uint>(EthIndexFiles.TransferToken, head.Transfers);
        _value = Column<UInt128>(EthIndexFiles.TransferValue, head.Transfers);
        _transaction = Column<long>(EthIndexFiles.TransferTransaction, head.Transfers);
        _ordinal = Column<int>(EthIndexFiles.TransferOrdinal, head.Transfers);
        _block = Column<uint>(EthIndexFiles.TransferBlock, head.Transfers);
        for (var id = 0; id < head.Addresses; id++) _addressIds[_addresses.Read(id)] = id;
        for (var row = 0; row < head.Tokens; row++) _tokenIds[_tokens.Read(row).Contract] = row + 1;
    }

    public EthIndexHead Head => _head;

    public string Directory => _directory;

    /// <summary>Opens (creating when absent) the index in <paramref name="directory"/>, discarding uncommitted rows.</summary>
    public static EthereumIndexWriter Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var head = EthIndexHead.Read(directory) ?? new EthIndexHead();
        if (head.Format != EthIndexHead.CurrentFormat)
            throw new CairnException($"the Ethereum index in {directory} has format {head.Format}, this Cairn reads format {EthIndexHead.CurrentFormat}: delete it and ingest again");
        return new EthereumIndexWriter(directory, head);
    }

    /// <summary>The stored hash of block <paramref name="number"/>, or null when it is not in the index.</summary>
    public string? BlockHash(long number)
    {
        if (_head.StartBlock < 0 || number < _head.StartBlock || number >= _head.StartBlock + _blocks.Count) return null;
        return _blocks.Read(number - _head.StartBlock).Hash.ToHex();
    }

    public bool HasToken(string contract) => _tokenIds.ContainsKey(AddressKey.FromHex(contract));

    /// <summary>Appends one block; its number must follow the last one. Tokens must be registered with <see cref="AddToken"/> first.</summary>
    public void Append(EthBlockBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var block = bundle.Block;
        if (_head.StartBlock < 0) _head = _head with { StartBlock = block.Number };
        var expected = _head.StartBlock + _blocks.Count;
        if (block.Number != expected) throw new CairnException($"block {block.Number} does not follow the index, which expects block {expected}");
        _blocks.Append(new EthBlockRow
        {
            Hash = Hash32.FromHex(block.Hash),
            Timestamp = block.Timestamp,
            FirstTransaction = _transactions.Count,
            FirstTransfer = _kind.Count,
            FirstAddress = (int)_addresses.Count,
            FirstToken = (int)_tokens.Count,
            FirstWideValue = _wide.Count,
        });
        var transactionIds = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var tx = block.Transactions[i];
            var receipt = i < bundle.Receipts.Count ? bundle.Receipts[i] : null;
            transactionIds[tx.Hash] = _transactions.Count;
            _transactions.Append(new EthTransactionRow
            {
                Hash = Hash32.FromHex(tx.Hash),
                BlockNumber = block.Number,
                IndexInBlock = tx.TransactionIndex,
                Status = receipt?.Succeeded switch { true => 1, false => 0, null => 2 },
            });
        }
        foreach (var transfer in bundle.Transfers)
        {
            var tokenId = transfer.Token is null ? 0 : _tokenIds.TryGetValue(AddressKey.FromHex(transfer.Token), out var known) ? known : AddToken(new TokenMetadata(transfer.Token, null, null, null));
            AppendTransfer(transfer.Kind, AddressId(transfer.From), AddressId(transfer.To), tokenId, transfer.Value, transfer.TokenId,
                transactionIds[transfer.TransactionHash], transfer.Ordinal, block.Number);
        }
    }

    /// <summary>Registers a token contract with its metadata; returns its token id (existing id if already known).</summary>
    public int AddToken(TokenMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var key = AddressKey.FromHex(metadata.Contract);
        if (_tokenIds.TryGetValue(key, out var existing)) return existing;
        var row = new EthTokenRow { Contract = key, Decimals = (byte)(metadata.Decimals ?? 255) };
        var symbol = System.Text.Encoding.UTF8.GetBytes(metadata.Symbol ?? "");
        var length = Math.Min(symbol.Length, 32);
        symbol.AsSpan(0, length).CopyTo(row.Symbol);
        row.SymbolLength = (byte)length;
        _tokens.Append(row);
        var id = (int)_tokens.Count;
        _tokenIds[key] = id;
        return id;
    }

    /// <summary>The dense id of an address, adding it when new.</summary>
    public int AddressId(string address)
    {
        var key = AddressKey.FromHex(address);
        if (_addressIds.TryGetValue(key, out var id)) return id;
        id = (int)_addresses.Count;
        _addresses.Append(key);
        _addressIds[key] = id;
        return id;
    }

    /// <summary>Appends one transfer row from ids (the ingest path above, and synthetic graphs for benchmarks).</summary>
    public void AppendTransfer(TransferKind kind, int fromId, int toId, int tokenId, BigInteger value, BigInteger? tokenId721, long transactionId, int ordinal, long blockNumber)
    {
        var row = _kind.Count;
        var flags = (byte)kind;
        UInt128 stored;
        if (value <= (BigInteger)UInt128.MaxValue - 1) stored = (UInt128)value;
        else
        {
            stored = UInt128.MaxValue;
            flags |= EthIndexFiles.WideValueFlag;
            _wide.Append(Wide(row, 0, value));
        }
        if (tokenId721 is { } item) _wide.Append(Wide(row, 1, item));
        _kind.Append(flags);
        _from.Append((uint)fromId);
        _to.Append((uint)toId);
        _token.Append((uint)tokenId);
        _value.Append(stored);
        _transaction.Append(transactionId);
        _ordinal.Append(ordinal);
        _block.Append((uint)blockNumber);
    }

    /// <summary>Makes everything appended so far durable and visible to readers.</summary>
    public void Commit(string? traceMode = null)
    {
        foreach (var column in Columns()) column.Flush();
        _head = _head with
        {
            Blocks = _blocks.Count,
            Transactions = _transactions.Count,
            Transfers = _kind.Count,
            Addresses = (int)_addresses.Count,
            Tokens = (int)_tokens.Count,
            WideValues = _wide.Count,
            TraceMode = traceMode ?? _head.TraceMode,
        };
        _head.Write(_directory);
    }

    /// <summary>Removes blocks after <paramref name="lastKeptBlock"/> and everything they added, then commits.</summary>
    public void RollbackTo(long lastKeptBlock)
    {
        var keep = lastKeptBlock - _head.StartBlock + 1;
        if (keep >= _blocks.Count) return;
        if (keep <= 0)
        {
            Truncate(0, 0, 0, 0, 0, 0);
            _head = new EthIndexHead { TraceMode = _head.TraceMode };
        }
        else
        {
            var first = _blocks.Read(keep);
            Truncate(keep, first.FirstTransaction, first.FirstTransfer, first.FirstAddress, first.FirstToken, first.FirstWideValue);
        }
        if (_head.AdjacencyTransfers > _kind.Count || _head.AdjacencyAddresses > _addresses.Count)
            _head = _head with { AdjacencyTransfers = 0, AdjacencyAddresses = 0 };
        Commit();
    }

    /// <summary>Rebuilds the per-address CSR adjacency over all committed transfers (see <see cref="EthAdjacencyBuilder"/>) and the transaction hash index (<see cref="EthTxHashIndex"/>).</summary>
    public void RebuildAdjacency()
    {
        Commit();
        EthAdjacencyBuilder.Build(_directory, _head.Transfers, _head.Addresses);
        _head = _head with { AdjacencyTransfers = _head.Transfers, AdjacencyAddresses = _head.Addresses };
        _head.Write(_directory);
        EthTxHashIndex.Build(_directory, _head);
    }

    public void Dispose()
    {
        foreach (var column in Columns()) column.Dispose();
    }

    private void Truncate(long blocks, long transactions, long transfers, int addresses, int tokens, long wide)
    {
        for (var id = addresses; id < _addresses.Count; id++) _addressIds.Remove(_addresses.Read(id));
        for (var row = tokens; row < _tokens.Count; row++) _tokenIds.Remove(_tokens.Read(row).Contract);
        _blocks.Truncate(blocks);
        _transactions.Truncate(transactions);
        _addresses.Truncate(addresses);
        _tokens.Truncate(tokens);
        _wide.Truncate(wide);
        foreach (var column in TransferColumns()) column.Truncate(transfers);
    }

    private IAppendColumn[] TransferColumns() => [_kind, _from, _to, _token, _value, _transaction, _ordinal, _block];

    private IAppendColumn[] Columns() => [_blocks, _transactions, _addresses, _tokens, _wide, .. TransferColumns()];

    private static EthWideValueRow Wide(long row, long field, BigInteger value)
    {
        var wide = new EthWideValueRow { TransferRow = row, Field = field };
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(((Span<byte>)wide.BigEndianValue)[(32 - bytes.Length)..]);
        return wide;
    }

    private AppendColumn<T> Column<T>(string name, long count) where T : unmanaged => new(Path.Combine(_directory, name), count);
}
