using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Workspace.Administration;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Custody;
using Cairn.Workspace.Evidence;
using Cairn.Workspace.Exchange;
using Cairn.Workspace.Heuristics;
using Cairn.Workspace.Intel;
using Cairn.Workspace.Ledger;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Workspace.Tests.Composition;

/// <summary>The application as the shells build it: every service resolves from AddCairnWorkspace, and nothing is opened before it is needed.</summary>
public sealed class WorkspaceCompositionTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cairn-workspace-").FullName;
    private readonly ServiceProvider _services;

    public WorkspaceCompositionTests() =>
        _services = new ServiceCollection().AddCairnWorkspace(new WorkspaceOptions { DataDirectory = _data }).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    [Fact]
    public void EveryAreaService_Resolves()
    {
        Type[] areas = [typeof(AccountService), typeof(CaseService), typeof(EvidenceService), typeof(LedgerService), typeof(CustodyService), typeof(TraceService),
            typeof(ChainService), typeof(ScreeningService), typeof(IntelligenceService), typeof(LegalRequestService), typeof(LegalReferenceService), typeof(ExchangeService), typeof(HeuristicsService), typeof(AgencyService),
            typeof(Cairn.Workspace.Notifications.NotificationService), typeof(Cairn.Workspace.Labels.LabelService), typeof(Cairn.Workspace.Cases.CaseDashboardService),
            typeof(Cairn.Workspace.Backup.BackupService), typeof(Cairn.Workspace.Retention.RetentionService), typeof(Cairn.Workspace.Cases.CaseExportService)];
        Assert.All(areas, area => Assert.NotNull(_services.GetRequiredService(area)));
    }

    [Fact]
    public void PublicKey_NeedsNoDatabase()
    {
        var key = _services.GetRequiredService<CustodyService>().PublicKey();

        Assert.Contains("BEGIN PUBLIC KEY", key.PublicKeyPem, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "cairn.db")));
    }

    [Fact]
    public void LegalReference_RoutesChecksAndCoverage_NeedNoDatabase()
    {
        var legal = _services.GetRequiredService<LegalReferenceService>();

        Assert.NotEmpty(legal.Route(new RouteRequest("FR", "DE", "freeze", On: "2026-12-01")).Options);
        Assert.True(legal.Check().Passes);
        Assert.NotEmpty(legal.Coverage().Instruments);
        Assert.False(File.Exists(Path.Combine(_data, "cairn.db")));
    }

    [Fact]
    public async Task CaseService_CreatesAndPagesCases_InTheDatabase()
    {
        var cases = _services.GetRequiredService<CaseService>();
        var actor = new Cairn.Cases.Agencies.Actor("alice", "nca-uk");
        foreach (var reference in new[] { "C-1", "C-2", "C-3" })
            await cases.CreateAsync(actor, new NewCaseRequest(reference, "title", "fraud"));

        var page = await cases.ListAsync(actor, PageRequest.Of(1, 1));

        Assert.Equal(["C-2"], page.Items.Select(c => c.Reference));
        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.NextOffset);
    }

    [Fact]
    public async Task MissingField_IsAnErrorNamingTheField()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _services.GetRequiredService<CaseService>().CreateAsync(new Cairn.Cases.Agencies.Actor("alice", "nca-uk"), new NewCaseRequest("C-9", " ", "fraud")));

        Assert.Equal("title", error.Field);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
