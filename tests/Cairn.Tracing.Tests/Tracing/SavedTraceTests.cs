using System.Text.Json;
using Cairn.Tracing.Taint;
using Cairn.Tracing.Tracing;

namespace Cairn.Tracing.Tests.Tracing;

public sealed class SavedTraceTests
{
    private static readonly GeneratedChain Chain = GeneratedChain.Instance;
    private static Tracer NewTracer() => new(Chain.Index, Chain.Clusters, Chain.Attribution);

    private static readonly JsonSerializerOptions ResultJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public void Rerun_SavedRequestReadBackFromJson_GivesAnIdenticalResult()
    {
        var ransomware = Chain.Scenario.Ransomware!;
        var first = NewTracer().Trace(new TraceRequest
        {
            From = [ransomware.RansomAddress], Model = TaintModel.Fifo, MaxHops = 9, MinAmountSat = 1_000, ThroughCoinJoin = true,
            TimeLimit = DateTimeOffset.FromUnixTimeSeconds(Chain.Index.BlockTimeOf((uint)Chain.Index.TipHeight)),
            StopCategories = new HashSet<string>(["exchange"], StringComparer.OrdinalIgnoreCase),
        });

        var text = TraceRequestJson.Serialize(SavedTrace.Of(first));
        var saved = TraceRequestJson.Deserialize(text);
        var again = saved.Rerun(NewTracer(), Chain.Index);

        Assert.Equal(text, TraceRequestJson.Serialize(saved));
        Assert.Equal((first.TipHeight, first.TipHash), (saved.TipHeight, saved.TipHash));
        Assert.Equal(["exchange"], saved.Request.StopCategories);
        Assert.Equal(JsonSerializer.Serialize(first with { Request = saved.Request }, ResultJson), JsonSerializer.Serialize(again, ResultJson));
        Assert.NotEmpty(again.Endpoints);
    }

    [Fact]
    public void Serialize_WritesEveryFieldInSnakeCase()
    {
        var text = TraceRequestJson.Serialize(new SavedTrace(new TraceRequest { From = ["abc:0"], Direction = TraceDirection.Backward, Model = TaintModel.Tiho }, 5, "00ff"));

        var json = JsonDocument.Parse(text).RootElement;

        Assert.Equal("backward", json.GetProperty("direction").GetString());
        Assert.Equal("tiho", json.GetProperty("model").GetString());
        Assert.Equal("0", json.GetProperty("min_amount_sat").GetString());
        Assert.Equal(10_000, json.GetProperty("large_cluster_size").GetInt64());
        Assert.Equal(TraceRequest.DefaultStopCategories.Count, json.GetProperty("stop_categories").GetArrayLength());
    }

    [Fact]
    public void Rerun_OnAnotherTip_IsRefusedNamingBothTips()
    {
        var saved = new SavedTrace(new TraceRequest { From = [Chain.Scenario.Ransomware!.RansomAddress] }, Chain.Index.TipHeight - 1, "00");

        var error = Assert.Throws<Cairn.Core.CairnException>(() => saved.Rerun(NewTracer(), Chain.Index));

        Assert.Contains($"tip {Chain.Index.TipHeight - 1}", error.Message);
    }

    [Theory]
    [InlineData("{", "malformed JSON")]
    [InlineData("{\"format\":\"other/1\",\"from\":[\"a\"]}", "format 'other/1'")]
    [InlineData("{\"format\":\"cairn-trace-request/1\",\"from\":[]}", "'from' is missing")]
    [InlineData("{\"format\":\"cairn-trace-request/1\",\"from\":[\"a\"],\"model\":\"magic\"}", "malformed JSON at $.model")]
    public void Deserialize_BadDocument_FailsWithOneLine(string json, string expected)
    {
        var error = Assert.Throws<Cairn.Core.CairnException>(() => TraceRequestJson.Deserialize(json));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
