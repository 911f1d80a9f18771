namespace Cairn.Core;

/// <summary>
/// An error the user caused and can fix (bad input, unknown id, unreachable node).
/// The message is one line that names what was wrong and where; the CLI prints it
/// without a stack trace and exits with code 1, the API maps it to a problem response.
/// </summary>
public class CairnException : Exception
{
    public CairnException(string message) : base(message) { }

    public CairnException(string message, Exception innerException) : base(message, innerException) { }

    public CairnException() { }
}
