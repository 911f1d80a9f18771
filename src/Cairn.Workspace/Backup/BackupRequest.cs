namespace Cairn.Workspace.Backup;

/// <summary>
/// What goes into a backup. <see cref="FilesOnly"/> leaves the database out (PostgreSQL is backed up
/// with pg_dump); <see cref="WithoutKeys"/> leaves the installation's private keys out (a copy that
/// leaves the site: restore it next to the key files kept elsewhere); <see cref="IncludeIndexes"/>
/// adds the chain indexes, which are rebuilt from the node otherwise.
/// </summary>
public sealed record BackupRequest(bool FilesOnly = false, bool WithoutKeys = false, bool IncludeIndexes = false);
