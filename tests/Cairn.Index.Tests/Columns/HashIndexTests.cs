using Cairn.Index.Columns;

namespace Cairn.Index.Tests.Columns;

/// <summary>
/// The persistent hash table: a pre-sized table finds what it holds and, made canonical, is
/// byte-identical to one rebuilt from the keys (what crash repair and the kill test rely on).
/// </summary>
public sealed class HashIndexTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ulong[] _keys;

    public HashIndexTests()
    {
        var random = new Random(7);
        _keys = new ulong[5000];
        for (var i = 0; i < _keys.Length; i++) _keys[i] = KeyHash.Mix((ulong)random.NextInt64());
        _keys[4000] = _keys[100]; // a duplicate key, as BIP30's repeated txids
    }

    public void Dispose() => _temp.Dispose();

    private struct KeyMatcher(ulong[] keys, ulong key) : IKeyMatcher
    {
        public readonly bool Matches(uint id) => keys[id] == key;
    }

    private ulong HashOf(uint id) => _keys[id];

    private string PathOf(string name) => Path.Combine(_temp.Path, name);

    [Fact]
    public void Reserve_ThenCanonicalize_IsByteIdenticalToARebuild()
    {
        var presized = HashIndex.Rebuild(PathOf("presized.hidx"), 0, HashOf);
        presized.Reserve(40_000);
        for (uint id = 0; id < _keys.Length; id++) presized.Insert(_keys[id], id);
        Assert.True(presized.Capacity > HashIndex.CapacityFor(_keys.Length));
        Assert.False(presized.IsCanonical);
        presized.Canonicalize();
        Assert.Equal(HashIndex.CapacityFor(_keys.Length), presized.Capacity);
        presized.Dispose();

        HashIndex.Rebuild(PathOf("rebuilt.hidx"), _keys.Length, HashOf).Dispose();
        Assert.Equal(File.ReadAllBytes(PathOf("rebuilt.hidx")), File.ReadAllBytes(PathOf("presized.hidx")));
    }

    [Fact]
    public void Open_OfAPresizedTable_TakesItsCapacityFromTheFile_AndFindsEveryKey()
    {
        var presized = HashIndex.Rebuild(PathOf("t.hidx"), 0, HashOf);
        presized.Reserve(40_000);
        for (uint id = 0; id < _keys.Length; id++) presized.Insert(_keys[id], id);
        var capacity = presized.Capacity;
        presized.Dispose();

        using var reopened = HashIndex.Open(PathOf("t.hidx"), _keys.Length, writable: false, HashOf);
        Assert.Equal(capacity, reopened.Capacity);
        for (uint id = 0; id < _keys.Length; id++)
        {
            var matcher = new KeyMatcher(_keys, _keys[id]);
            Assert.True(reopened.TryFind(_keys[id], ref matcher, out var found));
            Assert.Equal(id == 100 ? 4000u : id, found); // the newest of duplicates wins
        }
        var absent = new KeyMatcher(_keys, 12345);
        Assert.False(reopened.TryFind(12345, ref absent, out _));
    }

    [Fact]
    public void FindOrAdd_AddsAMissingKey_AndFindsItThen()
    {
        using var index = HashIndex.Rebuild(PathOf("f.hidx"), 10, HashOf);
        var matcher = new KeyMatcher(_keys, _keys[10]);
        Assert.False(index.FindOrAdd(_keys[10], ref matcher, 10, out var added));
        Assert.Equal(10u, added);
        Assert.Equal(11, index.KeyCount);
        Assert.True(index.FindOrAdd(_keys[10], ref matcher, 11, out var found));
        Assert.Equal(10u, found);
        Assert.Equal(11, index.KeyCount);
    }

    [Fact]
    public void Open_OfATableTooSmallForItsKeys_IsRefusedAsDamaged()
    {
        HashIndex.Rebuild(PathOf("small.hidx"), 100, HashOf).Dispose();
        var error = Assert.Throws<InvalidDataException>(() => HashIndex.Open(PathOf("small.hidx"), 4000, writable: false, HashOf));
        Assert.Contains("small.hidx", error.Message);
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(819, 1024)]
    [InlineData(820, 1280)]
    [InlineData(1024, 1280)]
    [InlineData(1025, 1536)]
    [InlineData(1228, 1536)]
    [InlineData(1229, 1792)]
    [InlineData(1433, 1792)]
    [InlineData(1434, 2048)]
    [InlineData(3_011_290, 4_194_304)]
    [InlineData(124_070_310, 167_772_160)]
    public void CapacityFor_IsThe_SmallestPowerOfTwoOrFiveSixOrSevenEighthsOfOne_AtLoadUpTo0Point8(long keys, long capacity) =>
        Assert.Equal(capacity, HashIndex.CapacityFor(keys));
}
