namespace Cairn.Workspace.Watching;

/// <summary>What `cairn watch remove --json` answers: the watch that was removed (with the addresses it followed).</summary>
public sealed record WatchRemoved(string Removed);
