using System.IO.Compression;
using System.Text.Json;
using Cairn.Chains.Bitcoin;
using Cairn.Core;
using Cairn.Tracing.Heuristics;

namespace Cairn.Development.Validation.Real;

/// <summary>
/// One run of EmuCoinJoin (github.com/crocs-muni/coinjoin-emulator): the real JoinMarket or Wasabi 2
/// software mixing on a regtest network, saved as the node's blocks (<c>data/btc-node/block_N.json</c>,
/// Bitcoin Core <c>getblock</c> verbosity 2 with each transaction's hex) and each wallet's keys and
/// coins (<c>data/&lt;wallet&gt;/keys.json</c>, <c>coins.json</c>). The owner of every address is known:
/// the wallet that lists it, else the node's own wallet that funded the participants (the emulator
/// pays them from Bitcoin Core), named <see cref="NodeWallet"/>.
/// </summary>
public sealed class EmulatedRun
{
    public const string NodeWallet = "node";

    private readonly Dictionary<string, string> _ownerOfAddress;

    private EmulatedRun(string name, List<(Transaction Tx, long Time)> transactions, Dictionary<string, string> owners, bool fromGenesis)
    {
        Name = name;
        _ownerOfAddress = owners;
        FromGenesis = fromGenesis;
        Transactions = Shapes(transactions, fromGenesis);
        Wallets = owners.Values.Distinct(StringComparer.Ordinal).Count();
    }

    public string Name { get; }

    /// <summary>Whether the blocks start at height 0 with none missing (then address history is complete).</summary>
    public bool FromGenesis { get; }

    public int Wallets { get; }

    /// <summary>Every transaction in chain order, prevouts, address history and spenders filled in from the run itself.</summary>
    public IReadOnlyList<ObservedTransaction> Transactions { get; }

    public string OwnerOf(string address) => _ownerOfAddress.GetValueOrDefault(address, NodeWallet);

    /// <summary>The runs in a zip of EmuCoinJoin results (one per folder holding <c>data/btc-node</c>).</summary>
    public static IReadOnlyList<EmulatedRun> ReadZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var runs = new List<EmulatedRun>();
        foreach (var run in zip.Entries.Where(e => e.FullName.Contains("/data/btc-node/block_", StringComparison.Ordinal))
                     .GroupBy(e => e.FullName[..e.FullName.IndexOf("/data/btc-node/", StringComparison.Ordinal)])
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var blocks = new List<(long Height, long Time, List<Transaction> Txs)>();
            foreach (var entry in run)
            {
                using var document = JsonDocument.Parse(entry.Open());
                var root = document.RootElement;
                var txs = root.GetProperty("tx").EnumerateArray().Select(t => Transaction.ParseHex(t.GetProperty("hex").GetString()!)).ToList();
                blocks.Add((root.GetProperty("height").GetInt64(), root.GetProperty("time").GetInt64(), txs));
            }
            blocks.Sort((a, b) => a.Height.CompareTo(b.Height));
            var fromGenesis = blocks.Count > 0 && blocks[0].Height == 0 && blocks[^1].Height == blocks.Count - 1;
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            var walletPrefix = run.Key + "/data/";
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(walletPrefix, StringComparison.Ordinal)
                         && e.Name is "keys.json" or "coins.json" && e.FullName.Count(c => c == '/') == walletPrefix.Count(c => c == '/') + 1))
            {
                var wallet = entry.FullName[walletPrefix.Length..].Split('/')[0];
                using var document = JsonDocument.Parse(entry.Open());
                foreach (var item in document.RootElement.EnumerateArray())
                    if (item.TryGetProperty("address", out var address) && address.GetString() is { Length: > 0 } text)
                        if (!owners.TryAdd(text, wallet) && owners[text] != wallet)
                            throw new CairnException($"{path}: address {text} listed by wallets {owners[text]} and {wallet}");
            }
            runs.Add(new EmulatedRun(run.Key.Split('/')[^1], [.. blocks.SelectMany(b => b.Txs.Select(t => (t, b.Time)))], owners, fromGenesis));
        }
        return runs;
    }

    private static List<ObservedTransaction> Shapes(List<(Transaction Tx, long Time)> transactions, bool fromGenesis)
    {
        var network = Network.RegTest;
        var outputs = new Dictionary<OutPoint, OutputShape>();
        var spenderLockTime = new Dictionary<OutPoint, uint>();
        foreach (var (tx, _) in transactions)
            if (!tx.IsCoinbase) foreach (var input in tx.Inputs) spenderLockTime[input.PreviousOutput] = tx.LockTime;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new List<ObservedTransaction>(transactions.Count);
        foreach (var (tx, time) in transactions)
        {
            var inputs = tx.IsCoinbase ? [] : tx.Inputs.Select(i => outputs.TryGetValue(i.PreviousOutput, out var spent)
                ? new InputShape(spent.Address, spent.Type, spent.Value)
                : LoneBlockShapes.InputOf(i, network)).ToList();
            var made = new List<OutputShape>(tx.Outputs.Count);
            for (var vout = 0; vout < tx.Outputs.Count; vout++)
            {
                var output = tx.Outputs[vout];
                var address = AddressCodec.FromScript(output.ScriptPubKey, network);
                var point = new OutPoint(tx.TxId, (uint)vout);
                bool? seenBefore = !fromGenesis || address is null ? null : seen.Contains(address);
                var shape = new OutputShape(address, output.ScriptType, output.Value, seenBefore, spenderLockTime.TryGetValue(point, out var lockTime) ? lockTime : null);
                outputs[point] = shape;
                made.Add(shape);
            }
            foreach (var shape in made) if (shape.Address is not null) seen.Add(shape.Address);
            shapes.Add(new ObservedTransaction(tx.TxId.ToString(), time, new TransactionShape(inputs, made, tx.LockTime, tx.IsCoinbase)));
        }
        return shapes;
    }
}
