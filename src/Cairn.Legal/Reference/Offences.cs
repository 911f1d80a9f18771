namespace Cairn.Legal.Reference;

/// <summary>Offence types as cases name them ("ransomware", "money laundering"), compared in one form: lower case, words joined by '_'.</summary>
public static class Offences
{
    public static string Normalize(string offence)
    {
        ArgumentNullException.ThrowIfNull(offence);
        return string.Join('_', offence.Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
    }
}
