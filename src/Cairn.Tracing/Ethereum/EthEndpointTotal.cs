using System.Numerics;

namespace Cairn.Tracing.Ethereum;

/// <summary>Taint gathered at one endpoint during a trace.</summary>
internal sealed class EthEndpointTotal(int addressId, string reason, EthAttribution? attribution)
{
    public int AddressId { get; } = addressId;
    public string Reason { get; } = reason;
    public EthAttribution? Attribution { get; } = attribution;
    public BigInteger Amount { get; set; }
    public int Hops { get; set; }
    public List<EthTracePath> Paths { get; } = [];
}
