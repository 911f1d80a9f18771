using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Tracing;

/// <summary>
/// <see cref="TransactionQueue"/> replaced a <c>PriorityQueue&lt;uint, long&gt;</c> keyed by the id (forward) or
/// its negation (backward) (issue 19, session 12): with pushes and pops interleaved it must hand out the same ids
/// in the same order.
/// </summary>
public sealed class TransactionQueueTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public void Dequeue_TakesIdsInTheOrderOfThePriorityQueueItReplaced(bool descending, int seed)
    {
        var random = new Random(seed);
        var queue = new TransactionQueue();
        var reference = new PriorityQueue<uint, long>();
        for (var round = 0; round < 3; round++)
        {
            queue.Reset(descending);
            reference.Clear();
            var queued = new HashSet<uint>();
            for (var step = 0; step < 5_000; step++)
            {
                // Each id at most once, as a trace queues it; the extremes included.
                if (random.Next(3) > 0)
                {
                    var tx = random.Next(50) == 0 ? (random.Next(2) == 0 ? 0u : uint.MaxValue) : (uint)random.Next(0, 20_000);
                    if (!queued.Add(tx)) continue;
                    queue.Enqueue(tx);
                    reference.Enqueue(tx, descending ? -(long)tx : tx);
                }
                else
                {
                    Assert.Equal(reference.TryDequeue(out var expected, out _), queue.TryDequeue(out var actual));
                    Assert.Equal(expected, actual);
                }
                Assert.Equal(reference.Count, queue.Count);
            }
            while (reference.TryDequeue(out var expected, out _))
            {
                Assert.True(queue.TryDequeue(out var actual));
                Assert.Equal(expected, actual);
            }
            Assert.False(queue.TryDequeue(out _));
        }
    }
}
