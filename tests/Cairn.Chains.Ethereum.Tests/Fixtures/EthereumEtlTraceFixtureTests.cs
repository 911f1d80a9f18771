using System.Globalization;
using Cairn.Chains.Ethereum.Traces;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.TestSupport;

namespace Cairn.Chains.Ethereum.Tests.Fixtures;

/// <summary>
/// Recorded mainnet traces, geth callTracer (<c>debug_traceBlockByNumber</c>) and Parity
/// <c>trace_block</c>, flatten into the traces ethereum-etl's expected exports list.
/// </summary>
public class EthereumEtlTraceFixtureTests
{
    public static TheoryData<string> GethBlocks() => new(Directory.GetDirectories(SharedData.EthereumEtl("test_extract_geth_traces_job")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> ParityBlocks() => new(Directory.GetDirectories(SharedData.EthereumEtl("test_export_traces_job")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(GethBlocks))]
    public void FlattenBlock_GethCallTracerResponse_YieldsTheExpectedTraces(string folder)
    {
        var directory = SharedData.EthereumEtl("test_extract_geth_traces_job", folder);
        var response = EthereumEtlBlockFixtureTests.Result(Directory.GetFiles(directory, "web3_response.debug_traceBlockByNumber_*.json").Single());
        var frames = CallTracerFrames.FlattenBlock(response).SelectMany(f => f).ToList();
        Assert.Equal(Expected(directory), frames.Select(Row));
    }

    [Theory]
    [MemberData(nameof(ParityBlocks))]
    public void Parse_ParityTraceBlockResponse_YieldsTheExpectedTraces(string folder)
    {
        var directory = SharedData.EthereumEtl("test_export_traces_job", folder);
        var response = EthereumEtlBlockFixtureTests.Result(Directory.GetFiles(directory, "web3_response.trace_block_*.json").Single());
        Assert.Equal(Expected(directory), ParityTraceFrames.Parse(response).Select(Row));
    }

    [Fact]
    public void FromFrames_CallWithCallcodeChild_KeepsNoInternalTransfer()
    {
        // Block 1,000,000: the CALLCODE runs foreign code in the caller's own account; no ETH leaves it.
        var response = EthereumEtlBlockFixtureTests.Result(Directory.GetFiles(SharedData.EthereumEtl("test_extract_geth_traces_job", "block_with_subtraces"), "web3_response.*.json").Single());
        var frames = CallTracerFrames.FlattenBlock(response)[0];
        Assert.Equal(2, frames.Count);
        Assert.Empty(InternalTransfers.FromFrames(frames, "0xtx", 1_000_000));
    }

    [Fact]
    public void FromFrames_SuicideInParityTrace_MovesTheBalanceToTheRefundAddress()
    {
        var response = EthereumEtlBlockFixtureTests.Result(Directory.GetFiles(SharedData.EthereumEtl("test_export_traces_job", "block_with_suicide"), "web3_response.*.json").Single());
        var frames = ParityTraceFrames.Parse(response).Where(f => f.TransactionIndex == 0).ToList();
        var transfer = Assert.Single(InternalTransfers.FromFrames(frames, "0x91acb43c", 1_011_973));
        Assert.Equal(TransferKind.Internal, transfer.Kind);
        Assert.Equal("0x474faa5018639791952fae334e2911700ac7fe9b", transfer.From);
        Assert.Equal("0x83973747eec131bf9a08ac64fb1a518e891bdf4b", transfer.To);
        Assert.Equal(50_000_000_000_000_000, (long)transfer.Value);
    }

    private static IEnumerable<string> Expected(string directory) =>
        Csv.Read(Path.Combine(directory, "expected_traces.csv")).Select(t => string.Join('|',
            t["transaction_index"], t["from_address"], t["to_address"], t["value"], t["trace_type"], t["call_type"], t["trace_address"], t["error"].ToLowerInvariant()));

    private static string Row(CallFrame frame)
    {
        var (traceType, callType) = frame.Type switch
        {
            "create" or "create2" => ("create", ""),
            "selfdestruct" => ("suicide", ""),
            "reward" => ("reward", ""),
            _ => ("call", frame.Type),
        };
        // ethereum-etl leaves the value empty for geth SELFDESTRUCT frames that carry none.
        var value = frame.Type == "selfdestruct" && frame.From is null ? "" : frame.Value.ToString(CultureInfo.InvariantCulture);
        return string.Join('|',
            frame.TransactionIndex < 0 ? "" : frame.TransactionIndex.ToString(CultureInfo.InvariantCulture),
            frame.From ?? "", frame.To ?? "", value, traceType, callType,
            string.Join(',', frame.TraceAddress), frame.Error?.ToLowerInvariant() ?? "");
    }
}
