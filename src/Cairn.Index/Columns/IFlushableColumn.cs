namespace Cairn.Index.Columns;

/// <summary>A column's file as a commit sees it, whatever its value type: where it is and how to make it durable.</summary>
public interface IFlushableColumn
{
    string Path { get; }

    void Flush();
}
