namespace Cairn.Chains;

/// <summary>One chain's address format: validity (checksums included) and the key addresses are matched by.</summary>
public interface IChainAddressCodec
{
    /// <summary>
    /// True when <paramref name="address"/> (trimmed) is a valid mainnet address of the chain;
    /// <paramref name="key"/> is then its matching form (one case where case carries nothing),
    /// otherwise <paramref name="error"/> says why in a few words.
    /// </summary>
    bool TryNormalize(string address, out string key, out string error);
}
