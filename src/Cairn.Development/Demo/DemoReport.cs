using Cairn.Development.Generation;
using Cairn.Legal.Requests;
using Cairn.Workspace.Tracing;

namespace Cairn.Development.Demo;

/// <summary>What the demo built: the scenario (ground truth), the saved trace, the drafted requests and any State no instrument routes to.</summary>
public sealed record DemoReport(ScenarioManifest Scenario, TraceReport Trace, IReadOnlyList<LegalRequest> Requests, IReadOnlyList<string> Unroutable, TimeSpan Elapsed);
