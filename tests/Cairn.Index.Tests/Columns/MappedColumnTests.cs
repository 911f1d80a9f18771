using Cairn.Index.Columns;

namespace Cairn.Index.Tests.Columns;

/// <summary>Columns a writer holds in memory: growing them (mremap on Linux) keeps every value already appended.</summary>
public sealed class MappedColumnTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void InMemoryColumn_KeepsEveryValue_AcrossGrowthsPastHugePageSizes()
    {
        var path = Path.Combine(_temp.Path, "values.col");
        // 12 M values (48 MB) cross the 16 MB growth quantum several times, from one value upwards.
        const int count = 12_000_000;
        using (var column = MappedColumn<uint>.CreateInMemory(path, 0))
        {
            for (var i = 0; i < count; i++)
            {
                if (i == count / 2) column.Reserve(count); // a reservation grows it too
                column.Append(Scramble(i));
            }
            for (var i = 0; i < count; i += 997) Assert.Equal(Scramble(i), column[i]);
            column.Set(count - 1, 7);
            column.Flush();
        }

        using var reopened = MappedColumn<uint>.OpenReadOnly(path, count);
        var values = reopened.AsSpan();
        for (var i = 0; i < count - 1; i++)
        {
            if (values[i] != Scramble(i)) Assert.Fail($"value {i}: {values[i]}, expected {Scramble(i)}");
        }
        Assert.Equal(7u, values[count - 1]);
    }

    private static uint Scramble(int i) => (uint)i * 2654435761u ^ 0x5bd1e995u;
}
