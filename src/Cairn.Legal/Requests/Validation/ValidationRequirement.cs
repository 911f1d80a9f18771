namespace Cairn.Legal.Requests.Validation;

/// <summary>
/// Who must validate a request before it leaves: a user holding one of <see cref="Roles"/> (role names of
/// Cairn's accounts, e.g. "Prosecutor"), and, when <see cref="SecondPerson"/>, someone other than whoever
/// drafted or edited it (four eyes). <see cref="Who"/> says it in words; <see cref="Citation"/> names the
/// article it rests on, or says that it is Cairn's own control where no article requires it.
/// </summary>
public sealed record ValidationRequirement(string Who, string Citation, IReadOnlyList<string> Roles, bool SecondPerson)
{
    /// <summary>
    /// Why <paramref name="validator"/> (holding <paramref name="validatorRoles"/>) may not validate, or null when they may.
    /// <paramref name="authors"/> are the users who drafted or edited the request (null entries: not recorded).
    /// </summary>
    public string? Refusal(string validator, IEnumerable<string> validatorRoles, IReadOnlyCollection<string?> authors)
    {
        ArgumentNullException.ThrowIfNull(validatorRoles);
        ArgumentNullException.ThrowIfNull(authors);
        var held = validatorRoles.ToList();
        if (!Roles.Any(r => held.Contains(r, StringComparer.OrdinalIgnoreCase)))
            return $"validating this request needs the {string.Join(" or ", Roles)} role ({Citation}): {validator} has {(held.Count == 0 ? "no role" : string.Join(", ", held))}";
        if (!SecondPerson) return null;
        if (authors.Count == 0 || authors.Any(a => a is null))
            return $"who drafted or edited this request is not recorded, so a second person cannot be told apart ({Citation}): draft it again";
        if (authors.Contains(validator, StringComparer.Ordinal))
            return $"four eyes: {validator} drafted or edited this request; another user with the {string.Join(" or ", Roles)} role must validate it";
        return null;
    }
}
