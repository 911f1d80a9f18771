using System.Globalization;
using Cairn.Intel.Screening;

namespace Cairn.Workspace.Intel;

/// <summary>
/// One address screened, as the CLI and the API print it: the address as given, the result (hit,
/// no_hit, malformed), the address family and normalised form, the hits on the address itself and
/// those on other addresses of its multi-input cluster.
/// </summary>
public sealed record ScreeningView(string Address, string Status, string? Family, string? Normalized, string? Error, IReadOnlyList<ScreeningView.Hit> Hits,
    long? ClusterId, IReadOnlyList<ScreeningView.ClusterHitView> ClusterHits)
{
    public sealed record Hit(string Kind, string Source, string? SourceReference, string Currency, string Label, string? Actor, string? ActorLabel, string? Category,
        string? Abuse, IReadOnlyList<string> Jurisdictions, string? Confidence, int? ConfidenceLevel, bool IsPublic, Sanction? Sanction);

    public sealed record Sanction(string List, string EntryName, int? EntryNumber, IReadOnlyList<string> Programs, string? ListDate);

    public sealed record ClusterHitView(string Address, Hit Hit);

    public static ScreeningView Of(AddressScreening result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ScreeningView(result.Input, result.Status switch { ScreeningStatus.NoHit => "no_hit", var s => s.ToString().ToLowerInvariant() },
            result.Family?.ToString().ToLowerInvariant(), result.Normalized, result.Error, result.Hits.Select(HitOf).ToList(), result.ClusterId,
            result.ClusterHits.Select(h => new ClusterHitView(h.Address, HitOf(h.Hit))).ToList());
    }

    private static Hit HitOf(ScreeningHit hit) => new(hit.Kind.ToString().ToLowerInvariant(), hit.Source, hit.SourceReference, hit.Currency, hit.Label, hit.ActorId,
        hit.ActorLabel, hit.Category, hit.Abuse, hit.Jurisdictions, hit.Confidence, hit.ConfidenceLevel, hit.IsPublic,
        hit.Sanction is { } s ? new Sanction(s.ListName, s.EntryName, s.EntryNumber, s.Programs, s.ListDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);
}
