using Cairn.Index.Columns;

namespace Cairn.Index.Ethereum;

/// <summary>
/// Builds the compressed sparse row (CSR) adjacency of the transfer graph in both directions:
/// <c>offsets[a] .. offsets[a + 1]</c> index into <c>rows</c>, which lists the transfer rows
/// leaving (out) or reaching (in) address a, in row order (= chain order). Two counting-sort
/// passes, O(transfers + addresses). Files are written under temporary names, fsynced and renamed,
/// and only then recorded in the head, so a crash leaves the previous adjacency or none.
/// </summary>
internal static class EthAdjacencyBuilder
{
    public static void Build(string directory, long transfers, int addresses)
    {
        using var from = MappedColumn<uint>.OpenReadOnly(Path.Combine(directory, EthIndexFiles.TransferFrom), transfers);
        using var to = MappedColumn<uint>.OpenReadOnly(Path.Combine(directory, EthIndexFiles.TransferTo), transfers);
        Write(directory, EthIndexFiles.OutOffsets, EthIndexFiles.OutRows, from, transfers, addresses);
        Write(directory, EthIndexFiles.InOffsets, EthIndexFiles.InRows, to, transfers, addresses);
    }

    private static void Write(string directory, string offsetsName, string rowsName, MappedColumn<uint> endpoint, long transfers, int addresses)
    {
        var offsets = new long[addresses + 1];
        for (long row = 0; row < transfers; row++) offsets[endpoint.At(row) + 1]++;
        for (var a = 0; a < addresses; a++) offsets[a + 1] += offsets[a];
        var rows = new long[transfers];
        var next = (long[])offsets.Clone();
        for (long row = 0; row < transfers; row++) rows[next[endpoint.At(row)]++] = row;
        WriteAtomically(Path.Combine(directory, offsetsName), offsets);
        WriteAtomically(Path.Combine(directory, rowsName), rows);
    }

    private static void WriteAtomically(string path, long[] values)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
