using Cairn.Chains.Ethereum.Ingest;
using Cairn.Chains.Ethereum.Tokens;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.Core;

namespace Cairn.Index.Ethereum;

/// <summary>
/// Incremental, resumable ingest from a node into the index. Before resuming, the last
/// <see cref="EthIngestOptions.ReorgDepth"/> stored blocks are compared by hash with the node and
/// everything from the first mismatch on is rolled back (blocks that left the best chain). Each
/// batch is fetched, checked to extend the stored chain (parent hash), appended and committed;
/// a batch whose first parent hash disagrees triggers the same re-check. Token metadata is read
/// from each new token contract once.
/// </summary>
public sealed class EthIngestor(EthBlockFetcher fetcher, TokenMetadataReader tokens)
{
    public async Task<EthIngestReport> RunAsync(EthereumIndexWriter writer, EthIngestOptions options, IProgress<EthIndexHead>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var tip = await fetcher.LatestBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        var rolledBack = await RollBackReorganisedAsync(writer, options.ReorgDepth, cancellationToken).ConfigureAwait(false);
        var next = writer.Head.Blocks == 0 ? options.From ?? 0 : writer.Head.NextBlock;
        if (writer.Head.Blocks > 0 && options.From is { } from && from > next)
            throw CairnException.Invalid("from", $"from block {from} would leave a gap: the Ethereum index in {writer.Directory} ends at block {next - 1}");
        var last = Math.Min(options.To ?? tip, tip);
        long blocks = 0, transactions = 0, native = 0, internalTransfers = 0, token = 0;
        long? first = null;
        while (next <= last)
        {
            var batchEnd = Math.Min(last, next + Math.Max(1, options.BlocksPerCommit) - 1);
            var bundles = await fetcher.FetchAsync(next, batchEnd, cancellationToken).ConfigureAwait(false);
            var previous = writer.BlockHash(next - 1);
            if (previous is not null && bundles[0].Block.ParentHash != previous)
            {
                rolledBack += await RollBackReorganisedAsync(writer, options.ReorgDepth, cancellationToken).ConfigureAwait(false);
                next = writer.Head.NextBlock < 0 ? options.From ?? 0 : writer.Head.NextBlock;
                continue;
            }
            var newTokens = bundles.SelectMany(b => b.Transfers).Select(t => t.Token).OfType<string>().Distinct(StringComparer.Ordinal).Where(t => !writer.HasToken(t)).ToList();
            if (newTokens.Count > 0)
                foreach (var metadata in await tokens.ReadAsync(newTokens, cancellationToken).ConfigureAwait(false)) writer.AddToken(metadata);
            foreach (var bundle in bundles)
            {
                writer.Append(bundle);
                first ??= bundle.Block.Number;
                blocks++;
                transactions += bundle.Block.Transactions.Count;
                native += bundle.Transfers.Count(t => t.Kind == TransferKind.Native);
                internalTransfers += bundle.Transfers.Count(t => t.Kind == TransferKind.Internal);
                token += bundle.Transfers.Count(t => t.Kind is TransferKind.Erc20 or TransferKind.Erc721);
            }
            writer.Commit(TraceModeName(fetcher.TraceMode));
            progress?.Report(writer.Head);
            next = batchEnd + 1;
        }
        writer.RebuildAdjacency();
        return new EthIngestReport(first, first is null ? null : first + blocks - 1, blocks, transactions, native, internalTransfers, token,
            rolledBack, writer.Head.TraceMode, fetcher.TraceNote, writer.Head);
    }

    /// <summary>Rolls back stored blocks whose hash the node no longer agrees with; returns how many were removed.</summary>
    public async Task<long> RollBackReorganisedAsync(EthereumIndexWriter writer, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer.Head.LastBlock is not { } lastStored) return 0;
        var firstChecked = Math.Max(writer.Head.StartBlock, lastStored - Math.Max(1, depth) + 1);
        var numbers = Enumerable.Range(0, (int)(lastStored - firstChecked + 1)).Select(i => firstChecked + i).ToList();
        var nodeHashes = await fetcher.BlockHashesAsync(numbers, cancellationToken).ConfigureAwait(false);
        var firstMismatch = numbers.Where((n, i) => nodeHashes[i] != writer.BlockHash(n)).Cast<long?>().FirstOrDefault();
        if (firstMismatch is not { } mismatch) return 0;
        if (mismatch == firstChecked && firstChecked > writer.Head.StartBlock)
            throw new CairnException($"the node's chain differs from the Ethereum index in {writer.Directory} for all of the last {depth} blocks: a deeper reorganisation or another network; ingest into a new data directory");
        writer.RollbackTo(mismatch - 1);
        return lastStored - mismatch + 1;
    }

    private static string? TraceModeName(TraceMode mode) => mode switch
    {
        TraceMode.CallTracerBlock => "debug_traceBlockByNumber (callTracer)",
        TraceMode.CallTracerTransaction => "debug_traceTransaction (callTracer)",
        TraceMode.StructLogs => "debug_traceTransaction (struct logs)",
        TraceMode.None => "none",
        _ => null,
    };
}
