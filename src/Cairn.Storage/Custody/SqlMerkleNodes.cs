using System.Data.Common;
using Cairn.Cases.Custody;
using Dapper;

namespace Cairn.Storage.Custody;

/// <summary>
/// Serves complete Merkle nodes from <c>custody_nodes</c> for proof generation. A proof needs
/// O(log n) nodes whose coordinates do not depend on their hashes, so <see cref="ComputeAsync{T}"/>
/// first runs the computation against a recorder to learn which nodes it reads, fetches them
/// in one query, then runs it for real.
/// </summary>
internal static class SqlMerkleNodes
{
    public static async Task<T> ComputeAsync<T>(DbConnection connection, DbTransaction? transaction, Func<IMerkleNodes, T> computation, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        computation(recorder);
        var fetched = await FetchAsync(connection, transaction, recorder.Requested, cancellationToken).ConfigureAwait(false);
        return computation(new Fetched(fetched));
    }

    public static async Task<Dictionary<(int, long), byte[]>> FetchAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<(int Level, long Index)> coordinates, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(int, long), byte[]>();
        foreach (var chunk in coordinates.Distinct().Chunk(200))
        {
            var parameters = new DynamicParameters();
            var conditions = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                conditions.Add($"(level = @l{i} AND idx = @i{i})");
                parameters.Add($"l{i}", (long)chunk[i].Level);
                parameters.Add($"i{i}", chunk[i].Index);
            }
            var rows = await connection.QueryAsync<NodeRow>(new CommandDefinition(
                "SELECT level AS Level, idx AS Idx, hash AS Hash FROM custody_nodes WHERE " + string.Join(" OR ", conditions),
                parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var row in rows) result[((int)row.Level, row.Idx)] = Convert.FromHexString(row.Hash);
        }
        return result;
    }

    private sealed class Recorder : IMerkleNodes
    {
        public HashSet<(int, long)> Requested { get; } = [];

        public byte[] Get(int level, long index)
        {
            Requested.Add((level, index));
            return new byte[MerkleTree.HashSize];
        }
    }

    private sealed class Fetched(Dictionary<(int, long), byte[]> nodes) : IMerkleNodes
    {
        public byte[] Get(int level, long index) =>
            nodes.TryGetValue((level, index), out var hash) ? hash : throw new InvalidOperationException($"custody_nodes lacks the node at level {level}, index {index}");
    }

    private sealed class NodeRow
    {
        public long Level { get; set; }

        public long Idx { get; set; }

        public string Hash { get; set; } = "";
    }
}
