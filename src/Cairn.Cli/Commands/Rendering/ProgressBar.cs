using Cairn.Index.Bitcoin;
using Spectre.Console;

namespace Cairn.Cli.Commands.Rendering;

/// <summary>A progress bar for ingest on a terminal; nothing drawn in JSON mode or when the output is not a terminal.</summary>
internal static class ProgressBar
{
    public static async Task<T> RunAsync<T>(CliContext context, Func<IProgress<IngestProgress>?, Task<T>> run)
    {
        if (!context.CanShowProgress) return await run(null).ConfigureAwait(false);
        T result = default!;
        await context.Console.Progress().StartAsync(async progressContext =>
        {
            var task = progressContext.AddTask("ingest");
            result = await run(new Progress<IngestProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.TargetHeight + 1);
                task.Value = p.Height + 1;
                task.Description = $"ingest: {p.Transactions:N0} txs";
            })).ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
        return result;
    }
}
