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
    // A null inside the attachment list ("attachments":[null]) reached the SHA-256 check (10,000-case run of 2026-12-02).
    [InlineData("exchange-message", "7B22223A22222C22223A22222C226174746163686D656E7473223A5B6E756C6C5D7D")]
    // A receipt with "envelope_digest": null reached Receipt.Verify.
    [InlineData("receipt-json", "7B226B696E64223A2264656C6976657279222C226D6573736167655F6964223A22222C22656E76656C6F70655F646967657374223A6E756C6C2C2273656E646572223A22222C22697373756572223A2266757A7A2D726563697069656E74222C226973737565645F6174223A22323032362D30332D30315431323A30303A3030222C22223A22227D")]
    // Found by 3,000-case bench runs after CI failed on another machine: a TagPack address that
    // continued on the next lines of a quoted YAML scalar was echoed raw in the warning.
    [InlineData("tagpack-yaml", "7469746C653A20730A63726561746F723A20630A736F757263653A206C0A63757272656E63793A204554480A746167733A0A2D206C6162656C3A206E0A20206C3A0A2020616464726573733A2027780A0A4627")]
    // Found by the first 10,000-case run once the ActorPack target started from real packs: an entry with an empty
    // key ("- :") threw ArgumentException out of YamlDotNet, and a mapping used as a field name ("? e:") failed a cast;
    // the same cast stood in the TagPack reader and in the JSON conversion of an actor's context.
    [InlineData("actorpack-yaml", "2D203A")]
    [InlineData("tagpack-yaml", "2D203A")]
    [InlineData("actorpack-yaml", "2D2D2D0A7469746C653A20470A63726561746F723A20370A6163746F72733A0A2D20643A0A20203F20653A")]
    [InlineData("tagpack-yaml", "7469746C653A20740A63726561746F723A20630A736F757263653A20730A63757272656E63793A204254430A746167733A0A2D203F20613A20620A20203A20780A")]
    [InlineData("actorpack-yaml", "7469746C653A20740A63726561746F723A20630A6163746F72733A0A2D2069643A20610A20206C6162656C3A20620A2020636F6E746578743A0A202020203F20783A20790A202020203A207A0A")]
    // A party list ending in "-" (an empty entry) reached PartyMapper as null (1,000-case run of 2026-12-02).
    [InlineData("legal-yaml", "0A69643A20650A7469746C653A0A61735F6F663A20310A696E5F666F7263653A2066616C73650A656E7472795F696E746F5F666F7263655F6369746174696F6E3A0A6D656D626572736869703A206C69737465640A706172746965735F636F6D706C6574656E6573733A207061727469616C0A706172746965735F6E6F74653A2027270A6465706F7369746172793A0A206E616D653A200A706172746965733A0A2D2073746174653A20414F0A20207369676E61747572653A20323032352D31302D32350A202076657269666965643A20747275650A2020736F757263653A200A2D")]
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
    public void AnIvmsAccountNumberOfNinetyThousandCharacters_IsAnsweredNotHung()
    {
        // The fuzz suite's one hang: Base58-decoding a 90,000-character account number (quadratic)
        // took over 30 s on a loaded machine. Addresses are now refused by length first.
        var json = """{"originator":{"accountNumber":[""" + "\"" + new string('x', 90_000) + "\"]}}";
        AssertHandled("ivms101-json", Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void InvalidUtf8InsideAJsonString_IsRefused_NotAnInvalidOperationException()
    {
        // {"result":{"number":"0x1","hash":"0x<FF>"...}}: JsonDocument only checks UTF-8 when the string is read.
        var input = Encoding.UTF8.GetBytes("""{"result":{"number":"0x1","hash":"0x?","parentHash":"0x0","timestamp":"0x1"}}""");
        input[Array.IndexOf(input, (byte)'?')] = 0xFF;
        AssertHandled("eth-block-json", input);
    }

    [Theory]
    // The minimised findings themselves (a receipt whose blockNumber is "\r\n", a trace whose gasUsed is "\n").
    [InlineData("eth-receipt-json", "7B22223A22222C22726573756C74223A7B22223A2278222C22626C6F636B4E756D626572223A225C725C6E222C2264223A2230783461222C226565223A223078222C2264223A22307835222C226C6F6773223A5B7B2261646472657373223A22306565222C22626C6F636B4E756D626572223A2230783530222C2264223A223430222C226C6F67496E646578223A22307831222C22746F73223A5B2230225D2C227472616E73616374696F6E48617368223A223078222C227472616E73616374696F6E496E646578223A22307831222C22747265223A226D69227D5D2C226C6F6D223A223061222C22737473223A6E756C6C2C227472616E73616374696F6E48617368223A223439222C227472616E73616374696F6E496E646578223A22227D2C226964223A6E756C6C2C2275223A747275657D", "'\\r\\n'")]
    [InlineData("eth-trace-json", "7B2263223A2230222C22726573756C74223A5B7B22616374696F6E223A7B22666D223A2236222C2265223A2230227D2C226263223A22222C226272223A33342C22726573756C74223A7B226173223A22222C2267617355736564223A225C6E227D2C2273223A7B2261223A22222C227265223A2234227D2C226268223A22307864323932222C22617368223A6E756C6C2C227472616E223A6E756C6C2C2274797065223A2264227D5D2C226964223A302C22756E33223A225C5C753030313245227D", "'\\n'")]
    public void AQuotedLineBreak_IsShownEscaped_SoTheReaderSeesWhatTheFileHeld(string name, string hex, string shown)
    {
        var target = Targets.Value.Single(t => t.Name == name);

        var outcome = FuzzRunner.Classify(target, Convert.FromHexString(hex), TimeSpan.FromSeconds(30));

        Assert.Equal(FuzzRunner.OutcomeKind.Refused, outcome.Kind);
        Assert.Contains(shown, outcome.Problem, StringComparison.Ordinal);
    }

    private static void AssertHandled(string name, byte[] input)
    {
        var target = Targets.Value.Single(t => t.Name == name);
        var outcome = FuzzRunner.Classify(target, input, TimeSpan.FromSeconds(30));
        Assert.True(outcome.Kind is FuzzRunner.OutcomeKind.Accepted or FuzzRunner.OutcomeKind.Refused, $"{name}: {outcome.Kind}: {outcome.Problem}");
    }
}
