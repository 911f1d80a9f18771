using System.Globalization;
using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Index.Ethereum;

namespace Cairn.Tracing.Ethereum;

/// <summary>An immutable linked path of transfer rows from the seed (shared tails, no copying per hop).</summary>
internal sealed record EthTracePath(EthTracePath? Previous, long Row, BigInteger Amount)
{
    public List<EthTraceStep> ToSteps(EthereumIndex index)
    {
        var steps = new List<EthTraceStep>();
        for (var node = this; node is not null; node = node.Previous)
        {
            var transfer = index.Transfer(node.Row);
            var transaction = index.Transaction(transfer.TransactionId);
            steps.Add(new EthTraceStep(transaction.Hash, EthAddress.ToChecksum(index.AddressOf(transfer.ToId)), node.Amount.ToString(CultureInfo.InvariantCulture))
            {
                Timestamp = transaction.Timestamp,
            });
        }
        steps.Reverse();
        return steps;
    }
}
