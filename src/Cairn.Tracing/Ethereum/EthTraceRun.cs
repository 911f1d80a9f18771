using System.Numerics;
using Cairn.Index.Ethereum;

namespace Cairn.Tracing.Ethereum;

/// <summary>The state of one trace: per-account taint, a chain-ordered queue of outgoing rows to replay, endpoints and bounds.</summary>
internal sealed class EthTraceRun(EthereumIndex index, EthTraceRequest request, int tokenId, int seedId, IEthAttributionLookup? attribution)
{
    private readonly Dictionary<int, EthAccountTaint> _accounts = [];
    private readonly Dictionary<long, (BigInteger Amount, int Hops, EthTracePath Path)> _deliveries = [];
    private readonly PriorityQueue<(int Account, long Row), long> _queue = new();
    private readonly Dictionary<int, EthEndpointTotal> _endpoints = [];

    public BigInteger SeedAmount { get; private set; }

    public long Examined { get; private set; }

    public SortedDictionary<string, (string Detail, BigInteger Unexplored)> Bounds { get; } = new(StringComparer.Ordinal);

    public IEnumerable<EthEndpointTotal> Endpoints => _endpoints.Values;

    public void Execute()
    {
        foreach (var row in index.OutgoingRows(seedId))
        {
            if (!Relevant(row) || index.ToId(row) == seedId) continue;
            if (AfterWindow(row)) break;
            var value = index.Transfer(row).Value;
            SeedAmount += value;
            Deliver(row, value, 1, new EthTracePath(null, row, value));
        }
        while (_queue.TryDequeue(out var next, out _))
        {
            if (++Examined > request.MaxTransfers)
            {
                AddBound("max_transfers", $"stopped after examining {request.MaxTransfers} transfers", _accounts.Values.Aggregate(BigInteger.Zero, (s, a) => s + a.Tainted));
                break;
            }
            Spend(next.Account, next.Row);
        }
        foreach (var (id, account) in _accounts)
        {
            account.Absorb(long.MaxValue, index, tokenId, _deliveries);
            if (account.Tainted.Sign > 0) AddEndpoint(id, account.Tainted, account.Hops, "unspent", account.Paths, null);
        }
    }

    /// <summary>Replays outgoing row <paramref name="row"/> of an account: absorb earlier receipts, then apply the model.</summary>
    private void Spend(int accountId, long row)
    {
        var account = _accounts[accountId];
        account.Scheduled = false;
        account.Absorb(row, index, tokenId, _deliveries);
        var value = index.Transfer(row).Value;
        var (carried, hops, path) = account.Send(value, request.Model);
        var toId = index.ToId(row);
        if (carried.Sign > 0 && toId != accountId)
        {
            if (carried < request.MinAmount) AddBound("min_amount", $"transfers carrying less than {request.MinAmount} base units of taint were not followed", carried);
            else Deliver(row, carried, hops + 1, new EthTracePath(path, row, carried));
        }
        Schedule(accountId, row);
    }

    private void Deliver(long row, BigInteger amount, int hops, EthTracePath path)
    {
        var toId = index.ToId(row);
        if (toId == seedId) return;
        var known = attribution?.Lookup(index.AddressOf(toId));
        if (known is not null)
        {
            AddEndpoint(toId, amount, hops, "attributed_service", [path], known);
            return;
        }
        if (hops >= request.MaxHops && index.OutgoingRows(toId).Any(r => r > row && Relevant(r)))
        {
            // At the hop limit with onward transfers: the taint stops here, and the result says so.
            AddEndpoint(toId, amount, hops, "max_hops", [path], null);
            AddBound("max_hops", $"taint was not followed beyond {request.MaxHops} hops", amount);
            return;
        }
        _deliveries[row] = (amount, hops, path);
        if (!_accounts.TryGetValue(toId, out var account)) _accounts[toId] = account = new EthAccountTaint(index.IncomingRows(toId).Where(Relevant).ToList());
        account.NoteArrival(hops, path, request.MaxPathsPerEndpoint);
        Schedule(toId, row);
    }

    /// <summary>Queues the account's first relevant outgoing row after <paramref name="afterRow"/>, unless one is queued already.</summary>
    private void Schedule(int accountId, long afterRow)
    {
        var account = _accounts[accountId];
        if (account.Scheduled) return;
        if (account.Outgoing is null) account.Outgoing = index.OutgoingRows(accountId).Where(Relevant).ToList();
        while (account.OutgoingCursor < account.Outgoing.Count && account.Outgoing[account.OutgoingCursor] <= afterRow) account.OutgoingCursor++;
        if (account.OutgoingCursor >= account.Outgoing.Count) return;
        var next = account.Outgoing[account.OutgoingCursor];
        if (AfterWindow(next))
        {
            if (account.Tainted.Sign > 0 || account.HasPendingTaint(next, _deliveries)) AddBound("time_window", "transfers after the end of the time window were not followed", 0);
            return;
        }
        if (request.Model != EthTaintModel.Poison && account.Tainted.IsZero && !account.HasPendingTaint(next, _deliveries)) return;
        account.Scheduled = true;
        account.OutgoingCursor++;
        _queue.Enqueue((accountId, next), next);
    }

    private bool Relevant(long row) => index.TokenIdOf(row) == tokenId && !BeforeWindow(row);

    private bool BeforeWindow(long row) => request.FromTime is { } from && index.BlockTimestamp(index.BlockOf(row)) < from;

    private bool AfterWindow(long row) => request.ToTime is { } to && index.BlockTimestamp(index.BlockOf(row)) > to;

    private void AddEndpoint(int addressId, BigInteger amount, int hops, string reason, IEnumerable<EthTracePath> paths, EthAttribution? known)
    {
        if (!_endpoints.TryGetValue(addressId, out var endpoint)) _endpoints[addressId] = endpoint = new EthEndpointTotal(addressId, reason, known);
        endpoint.Amount += amount;
        endpoint.Hops = endpoint.Hops == 0 ? hops : Math.Min(endpoint.Hops, hops);
        foreach (var path in paths)
            if (endpoint.Paths.Count < request.MaxPathsPerEndpoint) endpoint.Paths.Add(path);
    }

    private void AddBound(string bound, string detail, BigInteger unexplored)
    {
        var current = Bounds.TryGetValue(bound, out var existing) ? existing.Unexplored : BigInteger.Zero;
        Bounds[bound] = (detail, current + unexplored);
    }
}
