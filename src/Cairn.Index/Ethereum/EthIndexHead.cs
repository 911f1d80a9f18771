using System.Text.Json;

namespace Cairn.Index.Ethereum;

/// <summary>
/// The commit record (<c>head.json</c>): how many rows of each column are committed. Columns are
/// fsynced before the head is replaced (write to a temporary file, fsync, rename over), so after a
/// crash at any point the head names a consistent prefix of every column and anything beyond it
/// is discarded on the next open.
/// </summary>
public sealed record EthIndexHead
{
    public const int CurrentFormat = 1;
    public const string FileName = "head.json";

    public int Format { get; init; } = CurrentFormat;
    public long StartBlock { get; init; } = -1;
    public long Blocks { get; init; }
    public long Transactions { get; init; }
    public long Transfers { get; init; }
    public int Addresses { get; init; }
    public int Tokens { get; init; }
    public long WideValues { get; init; }

    /// <summary>Transfers and addresses covered by the CSR adjacency files (rows after it are scanned).</summary>
    public long AdjacencyTransfers { get; init; }
    public int AdjacencyAddresses { get; init; }

    /// <summary>How internal transfers were obtained (see TraceMode), for the user.</summary>
    public string TraceMode { get; init; } = "unknown";

    public long NextBlock => StartBlock < 0 ? -1 : StartBlock + Blocks;

    public long? LastBlock => Blocks == 0 ? null : StartBlock + Blocks - 1;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static EthIndexHead? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        return JsonSerializer.Deserialize<EthIndexHead>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} is empty");
    }

    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
