using Cairn.Chains.Bitcoin;
using Cairn.Development.Generation;
using Cairn.Development.Validation.Real;
using Cairn.Index.Bitcoin;
using Cairn.Tracing.Heuristics;
using Cairn.Tracing.Heuristics.ErrorRates;

namespace Cairn.Development.Validation;

/// <summary>
/// Measures every heuristic and assembles the versioned figures file (<see cref="HeuristicFigures"/>):
/// on a generated chain of the given size and seed, and (when sources are given) on the real data
/// sets. Used by the bench suite <c>heuristics</c>, which commits the result to data/heuristics/,
/// and by the test that re-measures a small chain and compares it with its committed figures.
/// </summary>
public static class HeuristicsMeasurement
{
    /// <summary>Generates a chain of <paramref name="transactions"/> with <paramref name="seed"/> under <paramref name="workDirectory"/>, ingests it and measures every rule on it.</summary>
    public static (MeasuredDataSet DataSet, IReadOnlyList<RuleMeasurement> Measurements) MeasureGenerated(long transactions, ulong seed, string workDirectory, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(workDirectory);
        log ??= TextWriter.Null;
        var blocks = Path.Combine(workDirectory, "blocks");
        var indexDirectory = Path.Combine(workDirectory, "index");
        if (Directory.Exists(workDirectory)) Directory.Delete(workDirectory, recursive: true);
        var (_, truth) = ChainGenerator.GenerateWithTruth(new ChainGeneratorOptions { Transactions = transactions, Seed = seed, OutputDirectory = blocks });
        using (var writer = BitcoinIndexWriter.Open(indexDirectory, Network.RegTest))
            new BitcoinIngest(writer).FromBlockFiles(blocks);
        using var index = BitcoinIndex.OpenRead(indexDirectory);
        log.WriteLine($"generated: {index.TransactionCount:N0} transactions, {index.AddressCount:N0} addresses, {truth.EntityCount:N0} owners");
        var id = $"generated-seed{seed}-{transactions}";
        var dataSet = new MeasuredDataSet
        {
            Id = id,
            Title = $"Cairn's generated regtest chain, seed {seed}, {transactions:N0} transactions (src/Cairn.Development/Generation)",
            Period = "generated",
            Transactions = index.TransactionCount,
            Labels = "The generator's answer key (GenerationTruth): the owner of every address, the kind, spender and change output of every transaction, "
                + "the planted peel chains. Which rules the generator builds in is said per figure (self-consistency).",
        };
        return (dataSet, GeneratedChainMeasurement.Measure(index, truth, id));
    }

    /// <summary>The figures file from measured parts, measurements in catalogue order, then by strength of evidence.</summary>
    public static HeuristicFigures Assemble(IEnumerable<MeasuredDataSet> dataSets, IEnumerable<RuleMeasurement> measurements, string measuredAt, string command, string codeCommit)
    {
        var order = HeuristicCatalogue.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var sets = dataSets.ToList();
        var setOrder = sets.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return new HeuristicFigures
        {
            Format = HeuristicFigures.FormatTag,
            MeasuredAt = measuredAt,
            Command = command,
            CodeCommit = codeCommit,
            DataSets = sets,
            Measurements = [.. measurements.OrderBy(m => order[m.Rule]).ThenBy(m => m.Evidence).ThenBy(m => setOrder[m.DataSet])],
        };
    }

    /// <summary>The real data sets (see <see cref="RealDataMeasurement"/>).</summary>
    public static (IReadOnlyList<MeasuredDataSet> DataSets, IReadOnlyList<RuleMeasurement> Measurements) MeasureReal(RealDataSources sources, TextWriter? log = null) =>
        RealDataMeasurement.Measure(sources, log);
}
