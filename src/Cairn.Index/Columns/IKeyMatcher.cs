namespace Cairn.Index.Columns;

/// <summary>Tells <see cref="HashIndex"/> whether the key stored under an id is the key being looked up.</summary>
public interface IKeyMatcher
{
    bool Matches(uint id);
}
