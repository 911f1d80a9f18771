namespace Cairn.Cases.Cases;

/// <summary>The access a sharing grant gives: read the case, or also contribute traces, evidence and request drafts.</summary>
public enum GrantLevel
{
    Read,
    Contribute,
}
