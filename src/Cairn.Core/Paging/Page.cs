namespace Cairn.Core.Paging;

/// <summary>One page of a list: the items, where it starts, the limit asked, how many there are in all, and where the next page starts (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Offset, int Limit, long Total, long? NextOffset)
{
    public static Page<T> Of(IReadOnlyList<T> items, PageRequest request, long total)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(request);
        var next = request.Offset + items.Count;
        return new Page<T>(items, request.Offset, request.Limit, total, next < total ? next : null);
    }

    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Offset, Limit, Total, NextOffset);
}
