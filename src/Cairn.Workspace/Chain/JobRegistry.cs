using System.Collections.Concurrent;
using Cairn.Core;
using Microsoft.Extensions.Logging;

namespace Cairn.Workspace.Chain;

/// <summary>
/// The server's background jobs, in memory (a restart forgets finished ones; an interrupted ingest
/// is safe to start again: the index commits whole batches). One job per kind at a time, so two
/// ingests never write the same index.
/// </summary>
public sealed class JobRegistry
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger<JobRegistry> _logger;

    public JobRegistry(TimeProvider time, ILogger<JobRegistry> logger)
    {
        _time = time;
        _logger = logger;
    }

    public Job Start(string kind, string owner, Func<Job, CancellationToken, Task<string>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var job = new Job(Guid.CreateVersion7(_time.GetUtcNow()).ToString("N")[..16], kind, owner, _time.GetUtcNow());
        lock (_jobs)
        {
            if (_jobs.Values.Any(j => j.Kind == kind && j.State == "running"))
                throw new ConcurrencyException($"a {kind} job is already running: wait for it to finish");
            _jobs[job.Id] = job;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                var summary = await work(job, CancellationToken.None).ConfigureAwait(false);
                job.Finish(_time.GetUtcNow(), null, summary);
            }
            catch (Exception ex) when (ex is CairnException or IOException or InvalidDataException or UnauthorizedAccessException or HttpRequestException)
            {
                job.Finish(_time.GetUtcNow(), ex.Message.ReplaceLineEndings(" "), "");
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "job {Id} ({Kind}) failed", job.Id, job.Kind);
                job.Finish(_time.GetUtcNow(), "internal error (see the server log)", "");
            }
        });
        return job;
    }

    public Job Get(string id) => _jobs.TryGetValue(id, out var job) ? job : throw new NotFoundException($"no job '{id}'");

    public IReadOnlyList<Job> All() => _jobs.Values.OrderByDescending(j => j.StartedAt).ToList();
}
