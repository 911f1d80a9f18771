namespace Cairn.Cases.Cases;

public enum SubjectKind
{
    Person,
    Organisation,
}
