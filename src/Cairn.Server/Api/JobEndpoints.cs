using Cairn.Chains.Bitcoin;
using Cairn.Index.Bitcoin;
using Cairn.Server.Auth;
using Cairn.Server.Jobs;
using Cairn.Workspace.Chain;

namespace Cairn.Server.Api;

/// <summary>
/// Long operations: an admin starts a Bitcoin ingest from block files on the server
/// (POST /api/v1/btc/ingest) and everyone follows it at /api/v1/jobs/{id} (done/total blocks),
/// which is what the UI's progress bar polls.
/// </summary>
internal static class JobEndpoints
{
    public sealed record IngestBody(string? Blocks, string? Network);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/btc/ingest", (HttpContext http, JobRegistry jobs, ChainIndexes chains, IngestBody body) =>
        {
            var blocks = Http.Required(body.Blocks, "blocks");
            if (!Directory.Exists(blocks)) throw new Core.CairnException($"blocks: no directory '{blocks}' on the server");
            var network = Network.Parse(body.Network ?? "main");
            var job = jobs.Start("btc-ingest", http.User.Actor().User, (job, cancellationToken) =>
            {
                using var writer = BitcoinIndexWriter.Open(chains.Directory, network);
                var report = new BitcoinIngest(writer) { Progress = new JobProgress(job) }.FromBlockFiles(blocks, cancellationToken);
                return Task.FromResult($"{report.BlocksAdded} blocks added ({report.TransactionsAdded:N0} transactions), {report.BlocksRolledBack} rolled back, in {report.Elapsed.TotalSeconds:F1} s");
            });
            return Results.Accepted($"/api/v1/jobs/{job.Id}", job.Snapshot());
        }).WithTags("jobs").RequireAuthorization(Policies.Admin);
        api.MapGet("/jobs", (JobRegistry jobs, long? offset, int? limit) => Page<object>.Of(jobs.All().Select(j => j.Snapshot()).ToList(), offset, limit)).WithTags("jobs");
        api.MapGet("/jobs/{id}", (JobRegistry jobs, string id) => jobs.Get(id).Snapshot()).WithTags("jobs");
    }

    /// <summary>Reports straight into the job, on the ingest's own thread.</summary>
    private sealed class JobProgress(Job job) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => job.Report(value.Height + 1, value.TargetHeight + 1, $"{value.Transactions:N0} transactions, {value.Bytes / 1e6:F0} MB");
    }
}
