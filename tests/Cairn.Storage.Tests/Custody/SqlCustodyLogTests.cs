using Cairn.Cases.Custody;
using Cairn.Core;
using Cairn.Storage.Custody;
using Cairn.TestSupport.Database;

namespace Cairn.Storage.Tests.Custody;

public class SqlCustodyLogTests
{
    [DatabaseTheory]
    public async Task Append_GrowsATreeWhoseRootAndProofsMatchTheRfcTree(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var log = new SqlCustodyLog(test.Database);
        var reference = new InMemoryMerkleNodes();
        for (var i = 0; i < 21; i++)
        {
            var entry = await log.AppendAsync(new CustodyRecord(TestDatabase.Alice, "case.read", "case", $"case-{i}", CustodyRecord.HashOf($"content {i}")));
            Assert.Equal(i, entry.Sequence);
            reference.AppendLeaf(entry.LeafHash());
            var head = await log.GetHeadAsync();
            Assert.Equal(i + 1, head.Head.TreeSize);
            Assert.Equal(Convert.ToHexStringLower(reference.RootHash()), head.Head.RootHash);
        }

        using var verifier = test.Database.Signer.Verifier();
        for (var size = 1; size <= 21; size += 5)
        {
            var head = await log.GetHeadAsync(size);
            Assert.True(verifier.Verify(head));
            for (var m = 0; m < size; m++)
            {
                var proof = await log.GetInclusionProofAsync(m, size);
                Assert.True(proof.Verify((await log.GetEntryAsync(m)).LeafHash(), head.Head.RootHash));
            }
            var consistency = await log.GetConsistencyProofAsync(size, 21);
            Assert.True(consistency.Verify(head.Head.RootHash, (await log.GetHeadAsync()).Head.RootHash));
        }
        var verification = await log.VerifyAsync();
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(21, verification.EntriesChecked);
    }

    [DatabaseTheory]
    public async Task InclusionProofs_OfManyEntries_EqualTheProofsAskedOneByOne(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var log = new SqlCustodyLog(test.Database);
        for (var i = 0; i < 37; i++)
            await log.AppendAsync(new CustodyRecord(TestDatabase.Alice, "case.read", "case", $"case-{i}", CustodyRecord.HashOf($"content {i}")));
        var head = await log.GetHeadAsync(30);
        long[] sequences = [29, 0, 12, 13, 3, 12];

        var proofs = await log.GetInclusionProofsAsync(sequences, 30);

        Assert.Equal(sequences, proofs.Select(p => p.LeafIndex));
        for (var i = 0; i < sequences.Length; i++)
        {
            var single = await log.GetInclusionProofAsync(sequences[i], 30);
            Assert.Equal(single.AuditPath, proofs[i].AuditPath);
            Assert.True(proofs[i].Verify((await log.GetEntryAsync(sequences[i])).LeafHash(), head.Head.RootHash));
        }
        Assert.Empty(await log.GetInclusionProofsAsync([], 30));
        var outside = await Assert.ThrowsAsync<CairnException>(() => log.GetInclusionProofsAsync([4, 30], 30));
        Assert.Contains("entry 30 is not inside a log of 30 entries", outside.Message, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    public async Task Append_FromTwoDatabaseObjectsAtOnce_KeepsOneGaplessVerifiableLog(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        await using var second = await test.OpenAgainAsync();
        var logs = new[] { new SqlCustodyLog(test.Database), new SqlCustodyLog(second) };
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
                await logs[worker % 2].AppendAsync(new CustodyRecord(TestDatabase.Bruno, "case.read", "case", $"w{worker}-{i}", ""));
        })));
        var verification = await logs[0].VerifyAsync();
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(40, verification.EntriesChecked);
    }

    [DatabaseTheory]
    public async Task FailedUnitOfWork_LeavesNoCustodyEntry(SqlDialect dialect)
    {
        await using var test = await TestDatabase.CreateAsync(dialect);
        var log = new SqlCustodyLog(test.Database);
        await log.AppendAsync(new CustodyRecord(TestDatabase.Alice, "case.create", "case", "c1", ""));
        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Database.InTransactionAsync(TestDatabase.Alice, async unit =>
        {
            await unit.RecordAsync("case.update", "case", "c1", "");
            throw new InvalidOperationException("the change itself failed");
        }));
        var after = await log.AppendAsync(new CustodyRecord(TestDatabase.Alice, "case.read", "case", "c1", ""));
        Assert.Equal(1, after.Sequence);
        Assert.True((await log.VerifyAsync()).IsValid);
    }
}
