namespace Cairn.Storage.Migrations;

/// <summary>One numbered schema change (<c>NNN_name.sql</c>, or its <c>.sqlite.sql</c>/<c>.postgres.sql</c> variant for one dialect).</summary>
public sealed record Migration(int Version, string Name, string Sql);
