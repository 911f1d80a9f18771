using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Tracing;

public sealed class DenseIdMapTests
{
    [Fact]
    public void Clear_ForgetsEveryIdAndNumbersAgainFromZero()
    {
        var map = new DenseIdMap(4);
        for (var id = 0u; id < 1_000; id++) map.GetOrAdd(id * 7_919, out _);
        var table = map.TableSize;
        map.Clear();
        Assert.Equal(0, map.Count);
        Assert.Equal(table, map.TableSize);
        Assert.Equal(-1, map.Find(7_919));
        Assert.Equal(0, map.GetOrAdd(uint.MaxValue, out var added));
        Assert.True(added);
        Assert.Equal(1, map.GetOrAdd(7_919, out _));
        Assert.Equal(0, map.Find(uint.MaxValue));
    }
}
