namespace Cairn.Development.Fuzzing;

/// <summary>What a target reads, which decides how <see cref="Mutator"/> changes its seeds.</summary>
public enum FuzzInputKind
{
    /// <summary>Bytes (blocks, transactions, RLP, ZIP containers).</summary>
    Binary,

    /// <summary>Line-oriented or free text (addresses, CSV, compact JOSE).</summary>
    Text,

    /// <summary>JSON documents: also mutated by structure (values swapped for other types, deep nesting, huge numbers).</summary>
    Json,

    /// <summary>YAML documents: also mutated with YAML's special tokens (anchors, tags, flow markers, document markers).</summary>
    Yaml,
}
