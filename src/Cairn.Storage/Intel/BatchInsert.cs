namespace Cairn.Storage.Intel;

/// <summary>
/// Inserts many rows through one prepared <c>INSERT</c> whose parameter values are swapped per row
/// (plain ADO.NET, same SQL on SQLite and PostgreSQL). Statement parsing and parameter binding
/// happen once, not per row, which keeps a 500,000-tag import to seconds on SQLite.
/// </summary>
internal static class BatchInsert
{
    public static async Task RunAsync(UnitOfWork unit, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        await using var command = unit.Connection.CreateCommand();
        command.Transaction = unit.Transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@c" + i))})";
        var parameters = new System.Data.Common.DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "c" + i;
            command.Parameters.Add(parameters[i]);
        }
        var prepared = false;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var value = row[i];
                parameters[i].DbType = value switch
                {
                    long => System.Data.DbType.Int64,
                    TypedNull typed => typed.Type,
                    _ => System.Data.DbType.String,
                };
                parameters[i].Value = value is null or TypedNull ? DBNull.Value : value;
            }
            if (!prepared)
            {
                await command.PrepareAsync(unit.CancellationToken).ConfigureAwait(false);
                prepared = true;
            }
            await command.ExecuteNonQueryAsync(unit.CancellationToken).ConfigureAwait(false);
        }
    }
}
