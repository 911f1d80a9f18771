using Cairn.Storage;
using Cairn.Storage.Custody;

namespace Cairn.Workspace;

/// <summary>Opens (and migrates) the installation's database the first time a service needs it.</summary>
internal static class WorkspaceDatabase
{
    public static CairnDatabase Open(WorkspaceOptions options, TimeProvider time)
    {
        Directory.CreateDirectory(options.DataDirectory);
        // Resolved from a DI factory, which is synchronous; neither the console nor Kestrel has a
        // synchronization context, and Task.Run keeps it that way for any other host.
        return Task.Run(() => options.DatabaseUrl is null
                ? CairnDatabase.OpenDataDirectoryAsync(options.DataDirectory, time)
                : CairnDatabase.OpenAsync(DatabaseLocation.Postgres(options.DatabaseUrl), CustodyKeyFile.LoadOrCreate(options.DataDirectory), time, options.DataDirectory))
            .GetAwaiter().GetResult();
    }
}
