using System.Globalization;

namespace Cairn.Bench;

/// <summary>The <c>--name value</c> options every suite reads from its arguments (numbers in the invariant culture).</summary>
internal static class BenchOptions
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent or has no value.</summary>
    public static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static long Option(string[] args, string name, long fallback) =>
        OptionText(args, name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static double OptionNumber(string[] args, string name, double fallback) =>
        OptionText(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list of numbers.</summary>
    public static double[] OptionNumbers(string[] args, string name, double[] fallback) =>
        OptionText(args, name) is { } text ? [.. text.Split(',').Select(part => double.Parse(part, CultureInfo.InvariantCulture))] : fallback;
}
