namespace Cairn.Core;

/// <summary>An optimistic-concurrency check failed: someone saved the object after the caller read it. Reload and retry.</summary>
public sealed class ConcurrencyException : CairnException
{
    public ConcurrencyException(string message) : base(message) { }

    public ConcurrencyException(string message, Exception innerException) : base(message, innerException) { }

    public ConcurrencyException() { }
}
