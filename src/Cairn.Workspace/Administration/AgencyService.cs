using System.Text.RegularExpressions;
using Cairn.Cases.Agencies;
using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Legal.Reference;

namespace Cairn.Workspace.Administration;

/// <summary>
/// The agency registry: admins register agencies (code, name, State, kind) and change them; every
/// signed-in user reads it to choose whom to share a case with. Cases are shared and accounts
/// created only for registered agencies, so a typed code can never invent an agency.
/// </summary>
public sealed partial class AgencyService
{
    private readonly IAgencyStore _store;
    private readonly LegalReference _reference;

    public AgencyService(IAgencyStore store, LegalReference reference)
    {
        _store = store;
        _reference = reference;
    }

    public Task<Page<Agency>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) => _store.ListAsync(page, cancellationToken);

    /// <summary>The registered agency <paramref name="code"/>; not found otherwise.</summary>
    public async Task<Agency> GetAsync(string code, CancellationToken cancellationToken = default) =>
        await _store.FindAsync(code, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException($"no registered agency '{code}'");

    public Task<Agency> RegisterAsync(Actor by, AgencyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = ValidationException.Required(request.Code, "code");
        if (!CodePattern().IsMatch(code))
            throw new ValidationException("code", $"agency code '{code}' must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        return _store.RegisterAsync(by, Checked(code, request), cancellationToken);
    }

    public async Task<Agency> UpdateAsync(Actor by, string code, AgencyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await GetAsync(code, cancellationToken).ConfigureAwait(false);
        return await _store.UpdateAsync(by, Checked(code, request), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers the installation's own agency at first start (name = code, State and kind left for an admin to fill in), unless it is registered.</summary>
    public async Task EnsureRegisteredAsync(Actor by, string code, CancellationToken cancellationToken = default)
    {
        if (await _store.FindAsync(code, cancellationToken).ConfigureAwait(false) is not null) return;
        await _store.RegisterAsync(by, new Agency(code, code, "", null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The kind named <paramref name="text"/> (police, prosecution, fiu, aro, court), or an error on field <c>kind</c>.</summary>
    public static AgencyKind ParseKind(string? text)
    {
        var value = ValidationException.Required(text, "kind");
        return Enum.TryParse<AgencyKind>(value, ignoreCase: true, out var kind) && !int.TryParse(value, out _) ? kind
            : throw new ValidationException("kind", $"agency kind '{value}' is not one of {string.Join(", ", Enum.GetNames<AgencyKind>().Select(n => n.ToLowerInvariant()))}");
    }

    private Agency Checked(string code, AgencyRequest request)
    {
        var name = ValidationException.Required(request.Name, "name");
        if (name.Length > 200) throw new ValidationException("name", "the agency name is longer than 200 characters");
        var state = ValidationException.Required(request.State, "state").ToUpperInvariant();
        if (!_reference.IsKnownState(state)) throw new ValidationException("state", $"'{state}' is not a State code (ISO 3166-1 alpha-2) of the legal reference data");
        return new Agency(code, name, state, ParseKind(request.Kind));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();
}
