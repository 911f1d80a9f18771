using System.CommandLine;
using Cairn.Core;

namespace Cairn.Cli;

/// <summary>
/// Maps an error about one field (the API's name, e.g. <c>max_hops</c>) to the option of the
/// command that was run (<c>--max-hops</c>). The application's messages name fields, never flags;
/// where a field is spelled differently from its option, the message is shown with the option as
/// typed on the command line. Fields whose option has the same name (<c>model</c>, <c>--model</c>)
/// read the same either way and are left as the application wrote them.
/// </summary>
internal static class FieldErrors
{
    /// <summary>Fields whose option is not simply the field with '-' for '_'.</summary>
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["min_amount_sat"] = ["--min-amount"],
        ["min_amount"] = ["--min-amount"],
        ["offence_type"] = ["--offence", "--offence-type"],
        ["rentity_id"] = ["--rentity-id"],
        ["rentity_branch"] = ["--branch"],
        ["currency_code_local"] = ["--currency"],
        ["unknown_country_code"] = ["--country"],
        ["rates"] = ["--rate"],
        ["institution_codes"] = ["--institution-code"],
        ["swifts"] = ["--swift"],
        ["indicators"] = ["--indicator"],
        ["transactions"] = ["--transactions"],
        ["case"] = ["--case"],
        ["message"] = ["--message"],
        ["findings"] = ["--findings"],
        ["expect_fingerprint"] = ["--expect-fingerprint"],
        ["measures"] = ["--measure"],
        ["out"] = ["--out"],
        ["file"] = ["--file"],
        ["identifiers"] = ["--identifiers", "--identifier"],
        ["offence_detail"] = ["--offence-detail"],
        ["roles"] = ["--role"],
        ["due"] = ["--deadline"],
        ["occurred_at"] = ["--occurred"],
        ["trace_id"] = ["--trace"],
        ["acknowledge_overlap"] = ["--acknowledge-overlap"],
        ["at"] = ["--at"],
        ["agency"] = ["--for-agency", "--with", "--from"],
        ["transaction_ids"] = ["--tx"],
        ["victim_id"] = ["--victim"],
    };

    /// <summary>
    /// Fields spelled like their option that are still shown as the option: "fiat 'XYZ'" could be read as a currency
    /// setting anywhere, "--fiat 'XYZ'" is the option the user typed on this command line.
    /// </summary>
    private static readonly HashSet<string> ShownAsOption = new(StringComparer.Ordinal) { "fiat" };

    public static string ForCommand(CairnException error, Command? command)
    {
        if (error.Field is not { } field || command is null) return error.Message;
        var flag = OptionFor(field, command);
        if (flag is null || (flag.TrimStart('-') == field && !ShownAsOption.Contains(field))) return error.Message;
        var message = error.Message;
        if (message.StartsWith(field, StringComparison.Ordinal)) return flag + message[field.Length..];
        if (message.Contains($"field '{field}'", StringComparison.Ordinal)) return message.Replace($"field '{field}'", flag, StringComparison.Ordinal);
        // The message speaks of the domain only: say which option it is about.
        return message.Contains(flag, StringComparison.Ordinal) ? message : $"{message} ({flag})";
    }

    private static string? OptionFor(string field, Command command)
    {
        // A field's own aliases first: "agency" is the global acting --agency only when the command has no option of its own for it.
        var candidates = Aliases.TryGetValue(field, out var aliases) ? [.. aliases] : new List<string>();
        candidates.Add("--" + field.Replace('_', '-'));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            foreach (var option in c.Options) names.Add(option.Name);
        return candidates.FirstOrDefault(names.Contains);
    }
}
