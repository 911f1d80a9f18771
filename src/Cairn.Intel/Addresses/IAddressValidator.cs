namespace Cairn.Intel.Addresses;

/// <summary>
/// Checks one chain's address encoding (checksums included). Kept behind an interface so the
/// normaliser does not care which chain library does the decoding.
/// </summary>
public interface IAddressValidator
{
    /// <summary>True when <paramref name="address"/> (trimmed, case as typed) is a valid address; otherwise <paramref name="error"/> says why in a few words.</summary>
    bool IsValid(string address, out string error);
}
