using System.Numerics;
using Cairn.Index.Ethereum;

namespace Cairn.Tracing.Ethereum;

/// <summary>
/// One account's balance of the traced asset during a trace, as the taint model sees it.
/// Receipts are absorbed lazily, in chain order, just before each outgoing transfer is replayed.
/// Value the account spends beyond what the index shows it receiving (a balance from before the
/// indexed range, or block rewards) counts as clean. Gas fees are not modelled.
/// </summary>
internal sealed class EthAccountTaint(List<long> incoming)
{
    private readonly Queue<Lot> _lots = new();
    private int _incomingCursor;
    private BigInteger _balance;
    private bool _poisoned;
    private EthTracePath? _firstPath;

    public BigInteger Tainted { get; private set; }

    public int Hops { get; private set; } = int.MaxValue;

    public List<EthTracePath> Paths { get; } = [];

    public List<long>? Outgoing { get; set; }

    public int OutgoingCursor { get; set; }

    public bool Scheduled { get; set; }

    public void NoteArrival(int hops, EthTracePath path, int maxPaths)
    {
        Hops = Math.Min(Hops, hops);
        _firstPath ??= path;
        if (Paths.Count < maxPaths) Paths.Add(path);
    }

    public bool HasPendingTaint(long beforeRow, Dictionary<long, (BigInteger Amount, int Hops, EthTracePath Path)> deliveries)
    {
        for (var i = _incomingCursor; i < incoming.Count && incoming[i] < beforeRow; i++)
            if (deliveries.ContainsKey(incoming[i])) return true;
        return false;
    }

    /// <summary>Takes in every receipt before <paramref name="row"/>: tainted deliveries as tainted (taint first), the rest clean.</summary>
    public void Absorb(long row, EthereumIndex index, int tokenId, Dictionary<long, (BigInteger Amount, int Hops, EthTracePath Path)> deliveries)
    {
        while (_incomingCursor < incoming.Count && incoming[_incomingCursor] < row)
        {
            var received = incoming[_incomingCursor++];
            var value = index.Transfer(received).Value;
            var tainted = deliveries.TryGetValue(received, out var delivery) ? BigInteger.Min(delivery.Amount, value) : BigInteger.Zero;
            if (tainted.Sign > 0)
            {
                _lots.Enqueue(new Lot(tainted, true, delivery.Hops, delivery.Path));
                _poisoned = true;
            }
            if (value > tainted) _lots.Enqueue(new Lot(value - tainted, false, 0, null));
            _balance += value;
            Tainted += tainted;
        }
    }

    /// <summary>Spends <paramref name="value"/>; returns the taint it carries and the hop count and path it came by.</summary>
    public (BigInteger Carried, int Hops, EthTracePath? Path) Send(BigInteger value, EthTaintModel model)
    {
        switch (model)
        {
            case EthTaintModel.Fifo:
                // Oldest received value leaves first; a lot is consumed in part when larger than the rest to send.
                var remaining = value;
                var carried = BigInteger.Zero;
                (int Hops, EthTracePath? Path)? origin = null;
                while (remaining.Sign > 0 && _lots.Count > 0)
                {
                    var lot = _lots.Peek();
                    var take = BigInteger.Min(lot.Amount, remaining);
                    if (lot.Tainted)
                    {
                        carried += take;
                        origin ??= (lot.Hops, lot.Path);
                    }
                    lot.Amount -= take;
                    remaining -= take;
                    if (lot.Amount.IsZero) _lots.Dequeue();
                }
                Spend(value, carried);
                return (carried, origin?.Hops ?? Hops, origin?.Path ?? _firstPath);
            case EthTaintModel.Haircut:
                // Tainted share of the balance at this moment, floored to whole base units.
                if (_balance < value) _balance = value;
                var share = value * Tainted / _balance;
                Spend(value, share);
                return (share, Hops, _firstPath);
            default:
                // Poison: any taint ever received taints the whole transfer.
                if (!_poisoned) return (BigInteger.Zero, Hops, _firstPath);
                Spend(value, BigInteger.Min(value, Tainted));
                return (value, Hops, _firstPath);
        }
    }

    private void Spend(BigInteger value, BigInteger tainted)
    {
        _balance = BigInteger.Max(BigInteger.Zero, _balance - value);
        Tainted -= tainted;
    }

    private sealed class Lot(BigInteger amount, bool tainted, int hops, EthTracePath? path)
    {
        public BigInteger Amount { get; set; } = amount;
        public bool Tainted { get; } = tainted;
        public int Hops { get; } = hops;
        public EthTracePath? Path { get; } = path;
    }
}
