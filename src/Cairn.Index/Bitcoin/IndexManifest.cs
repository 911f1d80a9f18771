using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Core;

namespace Cairn.Index.Bitcoin;

/// <summary>
/// The committed state of a Bitcoin index: how many rows of each column are valid and which
/// block is the tip. Written atomically (temp file, fsync, rename) after the columns are
/// flushed, so whatever a killed writer left past these counts is ignored and repaired.
/// </summary>
public sealed record IndexManifest
{
    public const int CurrentFormat = 3;
    public const string FileName = "manifest.json";

    [JsonPropertyName("format")] public int Format { get; init; } = CurrentFormat;
    [JsonPropertyName("network")] public string Network { get; init; } = "main";
    [JsonPropertyName("blocks")] public long Blocks { get; init; }
    [JsonPropertyName("transactions")] public long Transactions { get; init; }
    [JsonPropertyName("inputs")] public long Inputs { get; init; }
    [JsonPropertyName("outputs")] public long Outputs { get; init; }
    [JsonPropertyName("addresses")] public long Addresses { get; init; }
    /// <summary>Rows of addr_key_tail.col: the addresses whose payload is longer than 20 bytes.</summary>
    [JsonPropertyName("address_tails")] public long AddressTails { get; init; }
    /// <summary>Rows of out_value_large.col: the outputs whose value does not fit in 5 bytes (format 3).</summary>
    [JsonPropertyName("large_values")] public long LargeValues { get; init; }
    [JsonPropertyName("tip")] public string? Tip { get; init; }

    public static IndexManifest? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var manifest = JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(path))
                ?? throw new CairnException($"index manifest {path} is empty");
            if (manifest.Format != CurrentFormat)
                throw new CairnException($"index {directory} has format {manifest.Format}; this Cairn reads format {CurrentFormat} (rebuild the index)");
            return manifest;
        }
        catch (JsonException ex)
        {
            throw new CairnException($"index manifest {path} is corrupt: {ex.Message}");
        }
    }

    public void Save(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, new JsonSerializerOptions { WriteIndented = true });
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
