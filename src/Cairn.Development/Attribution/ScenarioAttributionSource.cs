using Cairn.Development.Generation;
using Cairn.Tracing.Attribution;

namespace Cairn.Development.Attribution;

/// <summary>
/// Attribution from a generated chain's scenario.json: each actor's <em>tagged</em> addresses
/// (hot wallets, as a public tag would name them). Deposit addresses are deliberately not used:
/// clustering has to find them.
/// </summary>
public sealed class ScenarioAttributionSource : IAttributionSource
{
    private readonly Dictionary<string, ActorAttribution> _byAddress = new(StringComparer.Ordinal);

    public ScenarioAttributionSource(ScenarioManifest scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var actor in scenario.Actors)
        {
            var attribution = new ActorAttribution(actor.Id, actor.Label, actor.Category, actor.Jurisdictions, 1.0, "scenario.json");
            foreach (var address in actor.TaggedAddresses) _byAddress[address] = attribution;
        }
    }

    public static ScenarioAttributionSource Load(string path) =>
        File.Exists(path) ? new(ScenarioManifest.Load(path)) : throw new Cairn.Core.NotFoundException($"scenario file {path} not found");

    public IEnumerable<string> AttributedAddresses => _byAddress.Keys;

    public ActorAttribution? Lookup(string address) => _byAddress.GetValueOrDefault(address);
}
