using Cairn.Storage.Retention;

namespace Cairn.Workspace.Retention;

/// <summary>The admin's retention screen: the configuration file, each policy in words, the holds on the agency's cases, the purges done so far (newest first).</summary>
public sealed record RetentionView(string ConfigurationFile, IReadOnlyList<RetentionView.Policy> Policies, IReadOnlyList<CaseHold> Holds, IReadOnlyList<PurgeReport> History)
{
    public sealed record Policy(string DataClass, int? KeepDays, string Description);
}
