using Cairn.Core;

namespace Cairn.Cases.Agencies;

/// <summary>Checks the short codes people type for users, agencies and case references.</summary>
public static class Identifiers
{
    public const int MaxLength = 200;

    /// <summary>Returns <paramref name="value"/> trimmed, or throws naming <paramref name="what"/> when it is empty, too long or has control characters.</summary>
    public static string Require(string? value, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new CairnException($"{what} must not be empty");
        if (trimmed.Length > MaxLength)
            throw new CairnException($"{what} '{trimmed[..20]}…' is longer than {MaxLength} characters");
        if (trimmed.Any(char.IsControl))
            throw new CairnException($"{what} '{trimmed}' contains control characters");
        return trimmed;
    }
}
