using System.Text;
using Cairn.Development.Fuzzing;
using Cairn.TestSupport;

namespace Cairn.Development.Tests.Fuzzing;

/// <summary>
/// Every finding of the fuzz suite (issue 17), minimised, replayed against its target: each must
/// now be accepted or refused with a one-line message. The inputs are the minimiser's output
/// (hex) or, where that was long, the same defect in a few bytes written by hand.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly Lazy<IReadOnlyList<FuzzTarget>> Targets = new(() =>
        FuzzCatalogue.CreateAsync(new FuzzSeeds(SharedData.RepositoryRoot, SharedData.Root)).GetAwaiter().GetResult());

    [Theory]
    // A line break pasted into an address came back inside the one-line error.
    [InlineData("eth-address", "0A")]
    [InlineData("btc-address", "0A")]
    // YamlDotNet threw InvalidOperationException (not YamlException) for ": [\na".
    [InlineData("tagpack-yaml", "3A205B0A61")]
    [InlineData("actorpack-yaml", "3A205B0A61")]
    // System.Text.Json quotes the rest of the file in "invalid JSON literal": the message spanned lines.
    [InlineData("goaml-config", "7B226C6F636174696F6E223A740A")]
    [InlineData("node-card", "7B22223A22222C22223A6E0A")]
    [InlineData("eth-receipt-json", "740A")]
    // A node answer whose "result" is a string, a number, or holds a list where a log object belongs.
    [InlineData("eth-receipt-json", "7B22223A22222C22726573756C74223A22222C22223A312C22223A387D")]
    [InlineData("eth-receipt-json", "7B22223A22222C22726573756C74223A7B22223A22222C22223A22222C22223A22222C226C6F6773223A5B5B5D5D2C22223A22222C22223A22222C22223A22227D2C22223A312C22223A22227D")]
    [InlineData("eth-block-json", "7B22726573756C74223A22227D")]
    [InlineData("eth-block-json", "7B22223A302C22726573756C74223A317D")]
    [InlineData("eth-trace-json", "7B22726573756C74223A317D")]
    // An attachment object without fields, and "attachments": null (NullReferenceException / ArgumentNullException).
    [InlineData("exchange-message", "7B22223A22222C22223A22222C226174746163686D656E7473223A5B7B22223A22227D5D2C22223A22227D")]
    [InlineData("exchange-message", "7B22223A22222C22223A22222C226174746163686D656E7473223A6E756C6C2C22223A225C5C227D")]
    // A receipt with "envelope_digest": null reached Receipt.Verify.
    [InlineData("receipt-json", "7B226B696E64223A2264656C6976657279222C226D6573736167655F6964223A22222C22656E76656C6F70655F646967657374223A6E756C6C2C2273656E646572223A22222C22697373756572223A2266757A7A2D726563697069656E74222C226973737565645F6174223A22323032362D30332D30315431323A30303A3030222C22223A22227D")]
    public void AFinding_IsNowAcceptedOrRefusedOnOneLine(string target, string hex) =>
        AssertHandled(target, Convert.FromHexString(hex));

    [Theory]
    // Numbers a node never sends but a file may hold: 1E+308 as a block number, a fraction as a value.
    [InlineData("eth-block-json", """{"result":{"number":1E+308,"hash":"0x1","parentHash":"0x0","timestamp":"0x1"}}""")]
    [InlineData("eth-block-json", """{"result":{"number":"0x1","hash":"0x1","parentHash":"0x0","timestamp":"0x1","transactions":[{"hash":"0x2","blockNumber":"0x1","transactionIndex":"0x0","from":"0x3","value":1.5}]}}""")]
    // traceAddress that is not a list of positions; a trace that is not an object.
    [InlineData("eth-trace-json", """{"result":[{"type":"call","action":{},"traceAddress":"0"}]}""")]
    [InlineData("eth-trace-json", """{"result":[{"type":"call","action":{},"traceAddress":[-1]}]}""")]
    [InlineData("eth-trace-json", """{"result":[7]}""")]
    public void AWrongShapeInNodeJson_IsRefusedByName(string target, string json) =>
        AssertHandled(target, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void InvalidUtf8InsideAJsonString_IsRefused_NotAnInvalidOperationException()
    {
        // {"result":{"number":"0x1","hash":"0x<FF>"...}}: JsonDocument only checks UTF-8 when the string is read.
        var input = Encoding.UTF8.GetBytes("""{"result":{"number":"0x1","hash":"0x?","parentHash":"0x0","timestamp":"0x1"}}""");
        input[Array.IndexOf(input, (byte)'?')] = 0xFF;
        AssertHandled("eth-block-json", input);
    }

    private static void AssertHandled(string name, byte[] input)
    {
        var target = Targets.Value.Single(t => t.Name == name);
        var outcome = FuzzRunner.Classify(target, input, TimeSpan.FromSeconds(30));
        Assert.True(outcome.Kind is FuzzRunner.OutcomeKind.Accepted or FuzzRunner.OutcomeKind.Refused, $"{name}: {outcome.Kind}: {outcome.Problem}");
    }
}
