using Cairn.Core;

namespace Cairn.Server.Api;

/// <summary>One page of a list: every list endpoint takes <c>offset</c> and <c>limit</c> and answers with this.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Offset, int Limit, long Total, long? NextOffset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static Page<T> Of(IReadOnlyList<T> all, long? offset, int? limit)
    {
        ArgumentNullException.ThrowIfNull(all);
        var (skip, take) = Bounds(offset, limit);
        var items = all.Skip((int)Math.Min(skip, int.MaxValue)).Take(take).ToList();
        return new Page<T>(items, skip, take, all.Count, skip + items.Count < all.Count ? skip + items.Count : null);
    }

    public static (long Offset, int Limit) Bounds(long? offset, int? limit)
    {
        var skip = offset ?? 0;
        var take = limit ?? DefaultLimit;
        if (skip < 0) throw new CairnException($"offset {skip} is negative");
        if (take is < 1 or > MaxLimit) throw new CairnException($"limit {take} is out of range 1–{MaxLimit}");
        return (skip, take);
    }
}
