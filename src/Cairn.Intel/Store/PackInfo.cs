namespace Cairn.Intel.Store;

/// <summary>A stored pack (or sanctions list) and how many items it holds.</summary>
public sealed record PackInfo(string Id, PackKind Kind, string Title, string Creator, string Version, int ItemCount, bool IsPublic);
