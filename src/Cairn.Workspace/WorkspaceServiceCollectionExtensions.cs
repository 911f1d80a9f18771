using Cairn.Cases.Agencies;
using Cairn.Cases.Cases;
using Cairn.Cases.Custody;
using Cairn.Cases.Evidence;
using Cairn.Cases.Ledger;
using Cairn.Cases.Notifications;
using Cairn.Cases.Requests;
using Cairn.Cases.Traces;
using Cairn.Exchange.Nodes;
using Cairn.Exchange.Store;
using Cairn.Intel.Store;
using Cairn.Legal.Loading;
using Cairn.Legal.Reference;
using Cairn.Storage;
using Cairn.Storage.Accounts;
using Cairn.Storage.Cases;
using Cairn.Storage.Custody;
using Cairn.Storage.Evidence;
using Cairn.Storage.Exchange;
using Cairn.Storage.Intel;
using Cairn.Storage.Ledger;
using Cairn.Storage.Notifications;
using Cairn.Storage.Legal;
using Cairn.Storage.Traces;
using Cairn.Workspace.Administration;
using Cairn.Workspace.Cases;
using Cairn.Workspace.Chain;
using Cairn.Workspace.Custody;
using Cairn.Workspace.Evidence;
using Cairn.Workspace.Exchange;
using Cairn.Workspace.Heuristics;
using Cairn.Workspace.Intel;
using Cairn.Workspace.Labels;
using Cairn.Workspace.Ledger;
using Cairn.Workspace.Legal;
using Cairn.Workspace.Notifications;
using Cairn.Workspace.Tracing;
using Cairn.Workspace.Valuation;
using Cairn.Workspace.Watching;
using Cairn.Cases.Watchlists;
using Cairn.Storage.Watchlists;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Workspace;

/// <summary>
/// Composes the application: the database and the chain indexes of one installation, the stores
/// (Cairn.Storage behind the domains' store interfaces), and one service per area. The server and
/// the CLI build the same container; the CLI builds it per invocation, and nothing is opened until
/// a command asks for it (verifying an evidence package never creates a database).
/// </summary>
public static class WorkspaceServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient used for node-to-node delivery (60 s timeout).</summary>
    public const string ExchangeHttpClient = "cairn-exchange";

    /// <summary>Name of the HttpClient used for node RPC during ingest (2 min timeout).</summary>
    public const string NodeHttpClient = "cairn-node";

    /// <summary>The named HTTP client alerts are posted to the webhook with.</summary>
    public const string AlertHttpClient = "cairn-alerts";

    public static IServiceCollection AddCairnWorkspace(this IServiceCollection services, WorkspaceOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.TryAddSingleton(options.Time ?? TimeProvider.System);
        services.AddSingleton(provider => WorkspaceDatabase.Open(options, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new ChainIndexes(options.DataDirectory));
        services.AddSingleton<LegalReference>(_ => LegalDataLoader.Load(options.LegalDataDirectory));
        services.AddSingleton(_ => new ExchangeNode(options.DataDirectory));

        // Stores: SQL lives in Cairn.Storage; the application sees the domains' interfaces where they exist.
        services.AddSingleton(provider => new SqlCaseStore(provider.GetRequiredService<CairnDatabase>()));
        // Services read cases through the pseudonymising store: an agency a case is shared with pseudonymised gets it masked.
        services.AddSingleton<ICaseStore>(provider => new PseudonymisingCaseStore(provider.GetRequiredService<SqlCaseStore>(), provider.GetRequiredService<CasePrivacy>()));
        services.AddSingleton(provider => new SqlEvidenceStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IEvidenceStore>(provider => provider.GetRequiredService<SqlEvidenceStore>());
        services.AddSingleton(provider => new SqlLedgerStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<ILedgerStore>(provider => provider.GetRequiredService<SqlLedgerStore>());
        services.AddSingleton<Cairn.Cases.Statistics.IStatisticsSource>(provider => new Cairn.Storage.Statistics.SqlStatisticsSource(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<Cairn.Cases.Deconfliction.IAddressDeconfliction>(provider => new Cairn.Storage.Deconfliction.SqlAddressDeconfliction(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<Cairn.Cases.Victims.IVictimStore>(provider => new Cairn.Storage.Victims.SqlVictimStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton(provider => new SqlCustodyLog(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<ICustodyLog>(provider => provider.GetRequiredService<SqlCustodyLog>());
        services.AddSingleton(provider => new SqlCustodyHistory(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton(provider => new Cairn.Storage.Retention.SqlRetentionStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<ITraceStore>(provider => new SqlTraceStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IWatchlistStore>(provider => new SqlWatchlistStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IAccountStore>(provider => new SqlAccountStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IAgencyStore>(provider => new SqlAgencyStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<INotificationStore>(provider => new SqlNotificationStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<ILegalRequestStore>(provider => new SqlLegalRequestStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IPartnerStore>(provider => new SqlPartnerStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IOutboxStore>(provider => new SqlOutbox(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IMatchFilterStore>(provider => new SqlMatchFilterStore(provider.GetRequiredService<CairnDatabase>()));
        services.AddSingleton<IDisclosureStore>(provider => new SqlDisclosureStore(provider.GetRequiredService<CairnDatabase>()));
        // The inbox is the node's: its store needs the node identity, known only once the node is initialised.
        services.AddSingleton<Func<NodeIdentity, IInboxStore>>(provider => identity => new SqlInbox(provider.GetRequiredService<CairnDatabase>(), identity));
        // The shared intelligence snapshot is read by the installation; imports and user tags name their user (IntelligenceService).
        services.AddSingleton<IIntelStore>(provider => new SqlIntelStore(provider.GetRequiredService<CairnDatabase>(), new Actor(options.InstallationAgency, options.InstallationAgency)));
        services.AddSingleton(provider => new IntelService(provider.GetRequiredService<IIntelStore>(), provider.GetRequiredService<TimeProvider>()));

        // One service per area: every use case of the CLI and the API.
        services.AddSingleton<AccountService>();
        services.AddSingleton<AgencyService>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<LabelService>();
        services.AddSingleton<Cairn.Workspace.Deconfliction.ClusterDeconfliction>();
        services.AddSingleton<CasePrivacy>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<EvidenceService>();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<Victims.VictimService>();
        services.AddSingleton<Statistics.StatisticsService>();
        services.AddSingleton<CaseDashboardService>();
        services.AddSingleton<CustodyService>();
        services.AddSingleton<AttributionProvider>();
        services.AddSingleton<RateService>();
        services.AddSingleton<WatchService>();
        services.AddSingleton<IChainIngestListener>(provider => provider.GetRequiredService<WatchService>());
        services.AddSingleton<TraceService>();
        services.AddSingleton<HeuristicsService>(_ => new HeuristicsService());
        services.AddSingleton<JobRegistry>();
        services.AddSingleton<ChainService>();
        services.AddSingleton<ScreeningService>();
        services.AddSingleton<IntelligenceService>();
        services.AddSingleton<LegalRequestService>();
        services.AddSingleton<LegalReferenceService>();
        services.AddSingleton<ExchangeService>();
        services.AddSingleton<Cairn.Workspace.Backup.BackupService>();
        services.AddSingleton<Cairn.Workspace.Retention.RetentionService>();
        services.AddSingleton<Cairn.Workspace.Retention.ScheduledPurge>();
        services.AddSingleton<CaseExportService>();

        // The factory's default loggers write every request URL at Information level; node and webhook URLs
        // carry credentials and API keys (issue 17), so these clients log nothing: their callers report
        // failures naming the host only (Core.Net.UrlRedaction).
        services.AddHttpClient(ExchangeHttpClient, client => client.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers();
        services.AddHttpClient(NodeHttpClient, client => client.Timeout = TimeSpan.FromMinutes(2)).RemoveAllLoggers();
        services.AddHttpClient(AlertHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        return services;
    }
}
