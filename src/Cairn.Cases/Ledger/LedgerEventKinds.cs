using System.Text.Json;
using Cairn.Core;

namespace Cairn.Cases.Ledger;

/// <summary>The names of ledger events as people type them and as they are stored (snake_case: <c>transfer_to_custody</c>; '-' accepted for '_').</summary>
public static class LedgerEventKinds
{
    public static string Name(LedgerEventKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>The kind named <paramref name="text"/>; a <see cref="ValidationException"/> on field <c>event</c> listing the names otherwise.</summary>
    public static LedgerEventKind Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var kind in Enum.GetValues<LedgerEventKind>())
            if (Name(kind) == text.Trim().Replace('-', '_').ToLowerInvariant()) return kind;
        throw new ValidationException("event", $"unknown ledger event '{text}': expected one of {string.Join(", ", Enum.GetValues<LedgerEventKind>().Select(Name))}");
    }
}
