using System.Data;

namespace Cairn.Storage.Intel;

/// <summary>
/// A NULL that knows its column type, for <see cref="BatchInsert"/>: a prepared statement fixes its
/// parameter types, and PostgreSQL refuses a text-typed NULL for a BIGINT column.
/// </summary>
internal sealed record TypedNull(DbType Type)
{
    public static readonly TypedNull Int64 = new(DbType.Int64);
}
