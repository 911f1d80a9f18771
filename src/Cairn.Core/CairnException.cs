namespace Cairn.Core;

/// <summary>
/// An error the user caused and can fix (bad input, unknown id, unreachable node).
/// The message is one line that names what was wrong and where; the CLI prints it
/// without a stack trace and exits with code 1, the API maps it to a problem response.
/// The constructors hold it to one line (<see cref="UserText.OneLine"/>): the messages quote
/// input in over a hundred places, and one that forgets <see cref="UserText.Quote"/> must not
/// put a pasted line break into a terminal, a log line or a problem detail (issue 17's fuzzing
/// found three that did).
/// </summary>
public class CairnException : Exception
{
    public CairnException(string message) : base(UserText.OneLine(message)) { }

    public CairnException(string message, Exception innerException) : base(UserText.OneLine(message), innerException) { }

    public CairnException() { }

    /// <summary>
    /// The request field (API name, snake_case) the error is about, when it is about one parameter:
    /// the API answers a validation problem keyed by it, the CLI names the matching option. The
    /// message itself speaks of the domain, never of a CLI flag.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>An error about one parameter (<see cref="Field"/> set).</summary>
    public static CairnException Invalid(string field, string message) => new(message) { Field = field };
}
