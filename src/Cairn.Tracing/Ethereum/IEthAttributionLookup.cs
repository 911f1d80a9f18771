namespace Cairn.Tracing.Ethereum;

/// <summary>
/// Who controls an Ethereum address, as far as attribution data knows (Cairn.Intel adapts its
/// tags and actors to this). Null when nothing is known.
/// </summary>
public interface IEthAttributionLookup
{
    EthAttribution? Lookup(string lowerCaseAddress);
}
