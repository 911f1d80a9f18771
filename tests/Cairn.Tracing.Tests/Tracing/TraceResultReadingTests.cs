using System.Text.Json;
using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Tracing;

/// <summary>
/// A trace result is made as it is read (endpoints, paths, peel chains from the run's ids) and the
/// run's working tables go back to the thread for the next trace: whenever and from wherever a result
/// is read, it must read the same as one read straight after its trace.
/// </summary>
public sealed class TraceResultReadingTests
{
    private static readonly GeneratedChain Chain = GeneratedChain.Instance;

    private static Tracer NewTracer() => new(Chain.Index, Chain.Clusters, Chain.Attribution);

    /// <summary>Requests from spent outputs of the generated chain, both directions, with and without a cluster stop.</summary>
    private static List<TraceRequest> Requests(int count)
    {
        var random = new Random(19);
        var requests = new List<TraceRequest>();
        while (requests.Count < count)
        {
            var output = (uint)random.NextInt64(Chain.Index.OutputCount);
            if (Chain.Index.SpenderOf(output) is null) continue;
            var reference = $"{Chain.Index.TransactionHash(Chain.Index.TransactionOfOutput(output))}:{Chain.Index.VoutOf(output)}";
            requests.Add(new TraceRequest
            {
                From = [reference],
                Model = TaintModel.Haircut,
                MaxHops = 10,
                Direction = requests.Count % 3 == 2 ? TraceDirection.Backward : TraceDirection.Forward,
                LargeClusterSize = requests.Count % 2 == 0 ? long.MaxValue : 1_000,
                ThroughCoinJoin = requests.Count % 4 == 1,
            });
        }
        return requests;
    }

    [Fact]
    public void Results_ReadOnlyAfterLaterTracesOnTheSameThread_ReadAsWhenReadAtOnce()
    {
        var requests = Requests(24);
        var tracer = NewTracer();
        var readAtOnce = requests.Select(request => JsonSerializer.Serialize(tracer.Trace(request))).ToList();
        var unread = requests.Select(tracer.Trace).ToList();
        for (var i = unread.Count - 1; i >= 0; i--) Assert.Equal(readAtOnce[i], JsonSerializer.Serialize(unread[i]));
    }

    [Fact]
    public void Result_ReadFromSeveralThreadsAtOnce_ReadsAsOnOneThread()
    {
        var tracer = NewTracer();
        foreach (var request in Requests(6))
        {
            var expected = JsonSerializer.Serialize(tracer.Trace(request));
            var shared = tracer.Trace(request);
            using var start = new Barrier(4);
            var read = new string[4];
            var readers = Enumerable.Range(0, read.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                read[i] = JsonSerializer.Serialize(shared);
            })).ToList();
            readers.ForEach(reader => reader.Start());
            readers.ForEach(reader => reader.Join());
            Assert.All(read, text => Assert.Equal(expected, text));
        }
    }

    [Fact]
    public void EndpointTotal_OfAResultNotYetRead_IsTheSumOfTheEndpointsReadLater()
    {
        var tracer = NewTracer();
        foreach (var request in Requests(8))
        {
            var result = tracer.Trace(request);
            var total = result.EndpointTotalSat;
            Assert.Equal(result.Endpoints.Sum(e => e.AmountSat), total);
            Assert.Equal(result.SeedAmountSat + result.PoisonInflowSat, total + result.FeesSat);
        }
    }

    [Fact]
    public void Endpoints_ReadOutOfOrder_AreTheEndpointsReadInOrder()
    {
        var tracer = NewTracer();
        var request = Requests(1)[0];
        var inOrder = tracer.Trace(request).Endpoints.ToList();
        var endpoints = tracer.Trace(request).Endpoints;
        for (var i = endpoints.Count - 1; i >= 0; i -= 2) Assert.Equal(JsonSerializer.Serialize(inOrder[i]), JsonSerializer.Serialize(endpoints[i]));
        Assert.Equal(inOrder.Select(e => JsonSerializer.Serialize(e)), endpoints.Select(e => JsonSerializer.Serialize(e)));
        Assert.Throws<ArgumentOutOfRangeException>(() => endpoints[endpoints.Count]);
    }
}
