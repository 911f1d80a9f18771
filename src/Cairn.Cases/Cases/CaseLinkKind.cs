namespace Cairn.Cases.Cases;

/// <summary>What a case links to: a saved trace, a legal request, an evidence item.</summary>
public enum CaseLinkKind
{
    Trace,
    Request,
    Evidence,
}
