using System.Numerics;

namespace Cairn.Chains.Ethereum.Tests.Node;

/// <summary>
/// The standard small scenario sent to a fresh Ganache: ETH transfers, an ERC-20 token with
/// transfers, a bytes32-symbol token, an ERC-721 mint and transfer, a contract forwarding ETH
/// internally, a refused inner call that is refunded, and a reverted token transfer.
/// </summary>
public sealed class Scenario
{
    public static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    public required string Alice { get; init; }
    public required string Bob { get; init; }
    public required string Carol { get; init; }
    public required string Dave { get; init; }
    public required string Token { get; init; }
    public required string LegacyToken { get; init; }
    public required string Collectible { get; init; }
    public required string Forwarder { get; init; }
    public required string Refuser { get; init; }
    public required string SplitTransaction { get; init; }
    public required string RefusedTransaction { get; init; }
    public required string RevertedTransaction { get; init; }

    public static async Task<Scenario> BuildAsync(GanacheNode node)
    {
        var (alice, bob, carol, dave) = (node.Accounts[0], node.Accounts[1], node.Accounts[2], node.Accounts[3]);
        await node.SendAsync(alice, bob, 5 * OneEther);
        await node.SendAsync(bob, carol, 2 * OneEther);
        var token = await node.DeployAsync(alice, "CairnToken", "Cairn Test Token", "CTK", 6, new BigInteger(1_000_000_000_000));
        await node.InvokeAsync(alice, token, "transfer(address,uint256)", 0, bob, new BigInteger(250_000_000));
        await node.InvokeAsync(bob, token, "transfer(address,uint256)", 0, carol, new BigInteger(100_000_000));
        var legacy = await node.DeployAsync(alice, "LegacyBytes32Token", new BigInteger(5_000));
        await node.InvokeAsync(alice, legacy, "transfer(address,uint256)", 0, dave, new BigInteger(7));
        var collectible = await node.DeployAsync(alice, "CairnCollectible");
        await node.InvokeAsync(alice, collectible, "mint(address,uint256)", 0, bob, new BigInteger(42));
        await node.InvokeAsync(bob, collectible, "transferFrom(address,address,uint256)", 0, bob, carol, new BigInteger(42));
        var forwarder = await node.DeployAsync(alice, "Forwarder");
        var split = await node.InvokeAsync(carol, forwarder, "split(address[],uint256[])", 3 * OneEther,
            new[] { dave, bob }, new[] { 2 * OneEther, OneEther });
        var refuser = await node.DeployAsync(alice, "Refuser");
        var refused = await node.InvokeAsync(dave, forwarder, "tryRefused(address)", OneEther / 2, refuser);
        var reverted = await node.InvokeAsync(dave, token, "transfer(address,uint256)", 0, alice, new BigInteger(1));
        return new Scenario
        {
            Alice = alice, Bob = bob, Carol = carol, Dave = dave,
            Token = token, LegacyToken = legacy, Collectible = collectible, Forwarder = forwarder, Refuser = refuser,
            SplitTransaction = split.GetProperty("transactionHash").GetString()!,
            RefusedTransaction = refused.GetProperty("transactionHash").GetString()!,
            RevertedTransaction = reverted.GetProperty("transactionHash").GetString()!,
        };
    }
}
