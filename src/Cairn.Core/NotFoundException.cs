namespace Cairn.Core;

/// <summary>A user-supplied identifier (txid, address, case reference…) that does not exist.</summary>
public sealed class NotFoundException : CairnException
{
    public NotFoundException(string message) : base(message) { }

    public NotFoundException(string message, Exception innerException) : base(message, innerException) { }

    public NotFoundException() { }
}
