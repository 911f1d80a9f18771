using Cairn.Intel.Actors;
using Cairn.Intel.Import;
using Cairn.Intel.Sanctions;
using Cairn.Intel.Screening;
using Cairn.Intel.Tags;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Screening;

/// <summary>An index built once from real data: GraphSense demo and Tornado Cash packs, the ActorPack, OFAC lists joined with SDN.CSV.</summary>
public sealed class ScreeningFixture
{
    public static readonly DateOnly ListDate = new(2024, 9, 27);

    public ScreeningFixture()
    {
        Tags = new[] { "demo.yaml", "tornado_cash.yaml" }.SelectMany(p => TagPackReader.Default.ReadFile(SharedData.TagPack(p)).Content!.Tags).ToList();
        Actors = ActorPackReader.Default.ReadFile(SharedData.ActorPack).Content!.Actors;
        Sanctions = OfacImport.Default.Read([SharedData.OfacLists, SharedData.SdnCsv], new ImportOptions { ListDate = ListDate }).Content!;
        Index = ScreeningIndexBuilder.Build(Tags, Sanctions, Actors);
    }

    public IReadOnlyList<Tag> Tags { get; }

    public IReadOnlyList<Actor> Actors { get; }

    public IReadOnlyList<SanctionedAddress> Sanctions { get; }

    public ScreeningIndex Index { get; }
}
