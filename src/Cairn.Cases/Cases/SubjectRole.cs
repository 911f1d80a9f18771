namespace Cairn.Cases.Cases;

/// <summary>What a person or organisation is to the case.</summary>
public enum SubjectRole
{
    Suspect,
    Victim,
    Witness,
    Other,
}
