namespace Cairn.Storage.Retention;

/// <summary>What a purge deleted (or, in a dry run, would delete) of one data class: items and the number of cases they belong to.</summary>
public sealed record PurgedClass(string DataClass, int Count, int Cases);
