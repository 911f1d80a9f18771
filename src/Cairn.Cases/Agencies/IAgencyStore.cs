using Cairn.Core.Paging;

namespace Cairn.Cases.Agencies;

/// <summary>
/// The agency registry. Registering and changing an agency are transactions with their custody
/// entries (agency.register, agency.update); reading the registry is not case data and is not logged.
/// </summary>
public interface IAgencyStore
{
    /// <summary>One page of the registered agencies, by code.</summary>
    Task<Page<Agency>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The registered agency with <paramref name="code"/>, or null (also for an agency only seen acting, never registered).</summary>
    Task<Agency?> FindAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Registers an agency; an already registered code is refused.</summary>
    Task<Agency> RegisterAsync(Actor by, Agency agency, CancellationToken cancellationToken = default);

    /// <summary>Changes the name, State and kind of a registered agency.</summary>
    Task<Agency> UpdateAsync(Actor by, Agency agency, CancellationToken cancellationToken = default);
}
