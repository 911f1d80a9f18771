using Cairn.Core;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Clustering;
using Parquet;
using Parquet.Schema;

namespace Cairn.Workspace.Chain;

/// <summary>
/// Writes a UTXO chain's index to five Parquet files (transactions, inputs, outputs, addresses,
/// clusters) for engines beyond one machine (Spark, DuckDB, ClickHouse, Trino); the schema is
/// docs/parquet.md. Ids are the index's dense ids, written as signed 64-bit integers because Spark
/// and Trino have no unsigned types. Rows stream in row groups of <see cref="RowGroupSize"/>, so
/// memory stays flat on a full chain. Every file is written under a temporary name and renamed
/// only after all five are complete: a failure or a kill leaves no half-written export.
/// </summary>
internal sealed class UtxoParquetExporter
{
    internal const int RowGroupSize = 1 << 20;
    private const string PartialSuffix = ".partial";
    private const uint NoAddress = uint.MaxValue;

    private readonly BitcoinIndex _index;
    private readonly AddressClusters _clusters;

    public UtxoParquetExporter(BitcoinIndex index, AddressClusters clusters)
    {
        _index = index;
        _clusters = clusters;
    }

    public static readonly string[] FileNames = ["transactions.parquet", "inputs.parquet", "outputs.parquet", "addresses.parquet", "clusters.parquet"];

    /// <summary>Writes the five files into <paramref name="directory"/> (created when missing); returns their paths.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(string directory, CancellationToken cancellationToken)
    {
        var target = PrepareDirectory(directory);
        var finals = FileNames.Select(name => Path.Combine(target, name)).ToList();
        var partials = finals.Select(path => path + PartialSuffix).ToList();
        try
        {
            await WriteAsync(partials[0], TransactionsSchema, WriteTransactionsAsync, cancellationToken).ConfigureAwait(false);
            await WriteAsync(partials[1], InputsSchema, WriteInputsAsync, cancellationToken).ConfigureAwait(false);
            await WriteAsync(partials[2], OutputsSchema, WriteOutputsAsync, cancellationToken).ConfigureAwait(false);
            await WriteAsync(partials[3], AddressesSchema, WriteAddressesAsync, cancellationToken).ConfigureAwait(false);
            await WriteAsync(partials[4], ClustersSchema, WriteClustersAsync, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < finals.Count; i++) File.Move(partials[i], finals[i], overwrite: true);
            return finals;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DeletePartials(partials);
            throw new CairnException($"cannot write the Parquet export to '{target}': {ex.Message}", ex);
        }
        catch
        {
            DeletePartials(partials);
            throw;
        }
    }

    private static string PrepareDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full)) throw CairnException.Invalid("out", $"'{full}' is a file, not a directory");
        try
        {
            Directory.CreateDirectory(full);
            // Probe before the long write, so a read-only directory fails at once and leaves nothing behind.
            var probe = Path.Combine(full, $".cairn-write-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CairnException.Invalid("out", $"cannot write to '{full}': {ex.Message}");
        }
        return full;
    }

    private static void DeletePartials(IEnumerable<string> partials)
    {
        foreach (var partial in partials)
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done about a file the system will not let us delete; the rename never happened.
            }
        }
    }

    private static async Task WriteAsync(string path, ParquetSchema schema, Func<ParquetWriter, ParquetSchema, CancellationToken, Task> rows, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: cancellationToken).ConfigureAwait(false))
            await rows(writer, schema, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
    }

    private static readonly ParquetSchema TransactionsSchema = new(
        new DataField<long>("tx_id"), new DataField<string>("txid", false), new DataField<int>("block_height"), new DataField<long>("block_time"),
        new DataField<int>("input_count"), new DataField<int>("output_count"), new DataField<long?>("fee"), new DataField<int>("vsize"),
        new DataField<long>("locktime"), new DataField<int>("flags"), new DataField<bool>("coinbase"));

    private async Task WriteTransactionsAsync(ParquetWriter writer, ParquetSchema schema, CancellationToken cancellationToken)
    {
        var count = _index.TransactionCount;
        uint height = 0;
        for (long start = 0; start < count; start += RowGroupSize)
        {
            var n = (int)Math.Min(RowGroupSize, count - start);
            var ids = new long[n];
            var txids = new string[n];
            var heights = new int[n];
            var times = new long[n];
            var inputs = new int[n];
            var outputs = new int[n];
            var fees = new long?[n];
            var sizes = new int[n];
            var locktimes = new long[n];
            var flags = new int[n];
            var coinbase = new bool[n];
            for (var i = 0; i < n; i++)
            {
                var tx = (uint)(start + i);
                while (_index.TransactionsOfBlock(height).End <= tx) height++;
                var (firstIn, endIn) = _index.InputsOf(tx);
                var (firstOut, endOut) = _index.OutputsOf(tx);
                var txFlags = _index.TransactionFlags(tx);
                ids[i] = tx;
                txids[i] = _index.TransactionHash(tx).ToString();
                heights[i] = (int)height;
                times[i] = _index.BlockTimeOf(height);
                inputs[i] = (int)(endIn - firstIn);
                outputs[i] = (int)(endOut - firstOut);
                coinbase[i] = txFlags.HasFlag(TxFlags.Coinbase);
                fees[i] = coinbase[i] ? null : _index.FeeOf(tx);
                sizes[i] = (int)_index.TransactionVirtualSize(tx);
                locktimes[i] = _index.TransactionLockTime(tx);
                flags[i] = (int)txFlags;
            }
            var f = schema.DataFields;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(f[0], (ReadOnlyMemory<long>)ids, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[1], txids).ConfigureAwait(false);
            await group.WriteAsync(f[2], (ReadOnlyMemory<int>)heights, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[3], (ReadOnlyMemory<long>)times, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[4], (ReadOnlyMemory<int>)inputs, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[5], (ReadOnlyMemory<int>)outputs, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[6], (ReadOnlyMemory<long?>)fees, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[7], (ReadOnlyMemory<int>)sizes, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[8], (ReadOnlyMemory<long>)locktimes, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[9], (ReadOnlyMemory<int>)flags, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[10], (ReadOnlyMemory<bool>)coinbase, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly ParquetSchema InputsSchema = new(
        new DataField<long>("input_id"), new DataField<long>("tx_id"), new DataField<int>("vin"), new DataField<long>("spent_output_id"));

    private async Task WriteInputsAsync(ParquetWriter writer, ParquetSchema schema, CancellationToken cancellationToken)
    {
        var count = _index.InputCount;
        uint tx = 0;
        for (long start = 0; start < count; start += RowGroupSize)
        {
            var n = (int)Math.Min(RowGroupSize, count - start);
            var ids = new long[n];
            var txs = new long[n];
            var vins = new int[n];
            var spent = new long[n];
            for (var i = 0; i < n; i++)
            {
                var input = (uint)(start + i);
                while (_index.InputsOf(tx).End <= input) tx++;
                ids[i] = input;
                txs[i] = tx;
                vins[i] = (int)(input - _index.InputsOf(tx).First);
                spent[i] = _index.SpentOutputOf(input);
            }
            var f = schema.DataFields;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(f[0], (ReadOnlyMemory<long>)ids, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[1], (ReadOnlyMemory<long>)txs, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[2], (ReadOnlyMemory<int>)vins, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[3], (ReadOnlyMemory<long>)spent, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly ParquetSchema OutputsSchema = new(
        new DataField<long>("output_id"), new DataField<long>("tx_id"), new DataField<int>("vout"), new DataField<long>("value"),
        new DataField<long?>("address_id"), new DataField<string>("script_type", false), new DataField<long?>("spending_tx_id"));

    private static readonly string[] ScriptTypeNames = Enum.GetValues<Cairn.Chains.Bitcoin.ScriptType>().Select(t => t.ToString().ToLowerInvariant()).ToArray();

    private async Task WriteOutputsAsync(ParquetWriter writer, ParquetSchema schema, CancellationToken cancellationToken)
    {
        var count = _index.OutputCount;
        uint tx = 0;
        for (long start = 0; start < count; start += RowGroupSize)
        {
            var n = (int)Math.Min(RowGroupSize, count - start);
            var ids = new long[n];
            var txs = new long[n];
            var vouts = new int[n];
            var values = new long[n];
            var addresses = new long?[n];
            var types = new string[n];
            var spenders = new long?[n];
            for (var i = 0; i < n; i++)
            {
                var output = (uint)(start + i);
                while (_index.OutputsOf(tx).End <= output) tx++;
                ids[i] = output;
                txs[i] = tx;
                vouts[i] = (int)(output - _index.OutputsOf(tx).First);
                values[i] = _index.Value(output);
                var address = _index.AddressOf(output);
                addresses[i] = address == NoAddress ? null : address;
                var type = (int)_index.ScriptTypeOf(output);
                types[i] = type < ScriptTypeNames.Length ? ScriptTypeNames[type] : type.ToString(System.Globalization.CultureInfo.InvariantCulture);
                spenders[i] = _index.SpenderOf(output);
            }
            var f = schema.DataFields;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(f[0], (ReadOnlyMemory<long>)ids, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[1], (ReadOnlyMemory<long>)txs, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[2], (ReadOnlyMemory<int>)vouts, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[3], (ReadOnlyMemory<long>)values, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[4], (ReadOnlyMemory<long?>)addresses, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[5], types).ConfigureAwait(false);
            await group.WriteAsync(f[6], (ReadOnlyMemory<long?>)spenders, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly ParquetSchema AddressesSchema = new(
        new DataField<long>("address_id"), new DataField<string>("address", false), new DataField<int>("kind"), new DataField<long>("output_count"),
        new DataField<long>("cluster_id"));

    private async Task WriteAddressesAsync(ParquetWriter writer, ParquetSchema schema, CancellationToken cancellationToken)
    {
        var count = _index.AddressCount;
        for (long start = 0; start < count; start += RowGroupSize)
        {
            var n = (int)Math.Min(RowGroupSize, count - start);
            var ids = new long[n];
            var texts = new string[n];
            var kinds = new int[n];
            var outputs = new long[n];
            var clusters = new long[n];
            for (var i = 0; i < n; i++)
            {
                var address = (uint)(start + i);
                ids[i] = address;
                texts[i] = _index.AddressString(address);
                kinds[i] = (int)_index.AddressKeyOf(address).Kind;
                outputs[i] = _index.OutputCountOfAddress(address);
                clusters[i] = _clusters.ClusterOf(address);
            }
            var f = schema.DataFields;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(f[0], (ReadOnlyMemory<long>)ids, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[1], texts).ConfigureAwait(false);
            await group.WriteAsync(f[2], (ReadOnlyMemory<int>)kinds, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[3], (ReadOnlyMemory<long>)outputs, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[4], (ReadOnlyMemory<long>)clusters, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly ParquetSchema ClustersSchema = new(new DataField<long>("cluster_id"), new DataField<long>("address_count"));

    private async Task WriteClustersAsync(ParquetWriter writer, ParquetSchema schema, CancellationToken cancellationToken)
    {
        // A cluster's id is its smallest member, so the clusters are exactly the addresses that are their own cluster.
        var ids = new List<long>();
        var sizes = new List<long>();
        var f = schema.DataFields;
        for (uint address = 0; address < _clusters.AddressCount; address++)
        {
            if (_clusters.ClusterOf(address) != address) continue;
            ids.Add(address);
            sizes.Add(_clusters.SizeOf(address));
            if (ids.Count == RowGroupSize) await FlushAsync().ConfigureAwait(false);
        }
        if (ids.Count > 0 || _clusters.AddressCount == 0) await FlushAsync().ConfigureAwait(false);

        async Task FlushAsync()
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(f[0], (ReadOnlyMemory<long>)ids.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(f[1], (ReadOnlyMemory<long>)sizes.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            ids.Clear();
            sizes.Clear();
        }
    }
}
