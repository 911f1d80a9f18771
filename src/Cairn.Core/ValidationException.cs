namespace Cairn.Core;

/// <summary>
/// A parameter a user gave is unusable. <see cref="Field"/> names it as the API does (snake_case,
/// e.g. <c>max_hops</c>); the message speaks of the domain and never of a CLI flag: the CLI maps
/// the field to its option, the API to a validation problem keyed by the field.
/// </summary>
public sealed class ValidationException : CairnException
{
    public ValidationException(string field, string message) : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        Field = field;
    }

    public ValidationException(string field, string message, Exception innerException) : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        Field = field;
    }

    public ValidationException() : base("invalid input") => Field = "input";

    public ValidationException(string message) : base(message) => Field = "input";

    public ValidationException(string message, Exception innerException) : base(message, innerException) => Field = "input";

    /// <summary>A required text field, trimmed; a <see cref="ValidationException"/> naming it when missing.</summary>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, $"field '{field}' is required") : value.Trim();
}
