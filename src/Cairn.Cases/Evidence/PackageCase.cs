namespace Cairn.Cases.Evidence;

/// <summary>The exported case, as it was at export.</summary>
public sealed record PackageCase(string Id, string Reference, string Title, string OwningAgency);
