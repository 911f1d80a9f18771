namespace Cairn.Core.Paging;

/// <summary>
/// Which slice of a list to return: every list (CLI and API) takes an offset and a limit, checked
/// once here, and hands them to the store so the database does the paging.
/// </summary>
public sealed record PageRequest(long Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static readonly PageRequest All = new(0, int.MaxValue);

    /// <summary>Checks the API's <c>offset</c> and <c>limit</c> (defaults 0 and <see cref="DefaultLimit"/>); one-line errors naming the field.</summary>
    public static PageRequest Of(long? offset, int? limit, int maxLimit = MaxLimit)
    {
        var skip = offset ?? 0;
        var take = limit ?? DefaultLimit;
        if (skip < 0) throw new ValidationException("offset", $"offset {skip} is negative");
        if (take < 1 || take > maxLimit) throw new ValidationException("limit", $"limit {take} is out of range 1–{maxLimit}");
        return new PageRequest(skip, take);
    }

    /// <summary>The page of an in-memory list (for the few lists that are not in the database: jobs, index rows).</summary>
    public Page<T> Slice<T>(IReadOnlyList<T> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var items = all.Skip((int)Math.Min(Offset, int.MaxValue)).Take(Limit).ToList();
        return Page<T>.Of(items, this, all.Count);
    }
}
