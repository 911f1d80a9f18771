using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Cairn.Chains.Ethereum.Abi;
using Cairn.Chains.Ethereum.Crypto;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Model;
using Cairn.Chains.Ethereum.Transfers;
using Cairn.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using Nethereum.ABI.Decoders;
using Nethereum.Model;
using Nethereum.RLP;
using Nethereum.Util;

namespace Cairn.Chains.Ethereum.Tests.Differential;

/// <summary>
/// Differential tests against Nethereum (test-only reference; production code keeps its own
/// codecs) on the ethereum-etl mainnet fixtures: RLP decoding, Keccak-256, transaction hashes
/// rebuilt from the signed fields, and ABI decoding of token transfer logs and eth_call results.
/// </summary>
public class NethereumDifferentialTests
{
    /// <summary>Every signed transaction (with v, r, s) in the recorded eth_getBlockByNumber responses.</summary>
    public static TheoryData<string, string> SignedTransactions()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(SharedData.EthereumEtl(), "web3_response.eth_getBlockByNumber_*_true.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var tx in document.RootElement.GetProperty("result").GetProperty("transactions").EnumerateArray().Where(t => t.TryGetProperty("r", out _)))
                data.Add(Path.GetRelativePath(SharedData.EthereumEtl(), file), tx.GetProperty("hash").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SignedTransactions))]
    public void TransactionHash_FromTheSignedFields_AgreesWithNethereumAndTheNode(string file, string hash)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.EthereumEtl(file)));
        var tx = document.RootElement.GetProperty("result").GetProperty("transactions").EnumerateArray().Single(t => t.GetProperty("hash").GetString() == hash);
        BigInteger Number(string name) => BigInteger.Parse("0" + tx.GetProperty(name).GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        byte[] Bytes(string name) => tx.GetProperty(name).GetString() is { Length: > 2 } text ? Convert.FromHexString(text[2..]) : [];
        byte[] Scalar(string name) => RlpItem.Scalar(Number(name)).Bytes!;
        var to = tx.GetProperty("to").ValueKind == JsonValueKind.Null ? [] : Bytes("to");

        var ours = Rlp.Encode(RlpItem.List(RlpItem.Scalar(Number("nonce")), RlpItem.Scalar(Number("gasPrice")), RlpItem.Scalar(Number("gas")), RlpItem.String(to),
            RlpItem.Scalar(Number("value")), RlpItem.String(Bytes("input")), RlpItem.Scalar(Number("v")), RlpItem.Scalar(Number("r")), RlpItem.Scalar(Number("s"))));
        var theirs = new LegacyTransaction(Scalar("nonce"), Scalar("gasPrice"), Scalar("gas"), to, Scalar("value"), Bytes("input"), Scalar("r"), Scalar("s"), (byte)Number("v"));

        Assert.Equal(Convert.ToHexStringLower(theirs.GetRLPEncoded()), Convert.ToHexStringLower(ours));
        Assert.Equal(hash, "0x" + Convert.ToHexStringLower(Keccak256.Hash(ours)));
        Assert.Equal(hash, "0x" + Convert.ToHexStringLower(theirs.Hash));
        if (tx.TryGetProperty("raw", out var raw))
        {
            // Parity also returned the node's own encoding: both decoders read the same structure from it.
            var rawBytes = Convert.FromHexString(raw.GetString()![2..]);
            Assert.Equal(ours, rawBytes);
            Assert.Equal(Describe(RLP.Decode(rawBytes)), Describe(Rlp.Decode(rawBytes)));
        }
    }

    [Fact]
    public void Keccak256_AgreesWithNethereum_OnAnyBytes()
    {
        var keccak = new Sha3Keccack();
        Check.QuickThrowOnFailure(Prop.ForAll<byte[]>(bytes => Keccak256.Hash(bytes).AsSpan().SequenceEqual(keccak.CalculateHash(bytes))));
        foreach (var length in new[] { 0, 1, 135, 136, 137, 271, 272, 1000 })
        {
            var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            Assert.Equal(keccak.CalculateHash(bytes), Keccak256.Hash(bytes));
        }
    }

    [Fact]
    public void Rlp_EncodingAndDecoding_AgreeWithNethereum_OnAnyStructure()
    {
        var property = Prop.ForAll(Generators.RlpTrees().ToArbitrary(), item =>
        {
            var encoded = Rlp.Encode(item);
            return encoded.AsSpan().SequenceEqual(NethereumEncode(item)) && Describe(RLP.Decode(encoded)) == Describe(item);
        });
        Check.QuickThrowOnFailure(property);
    }

    /// <summary>Every ERC-20/721 Transfer log in the fixtures, decoded by Cairn and by Nethereum's ABI decoders.</summary>
    [Fact]
    public void TransferLogs_DecodeTheSameAsNethereum()
    {
        var files = new[]
        {
            SharedData.EthereumEtl("test_stream", "blocks_17173049_17173050", "expected_logs.json"),
            SharedData.PathOf("graphsense-lib", "spark", "src", "test", "resources", "account", "eth", "tokens", "logs.json"),
        };
        var (address, integer) = (new AddressTypeDecoder(), new IntTypeDecoder(false));
        var compared = 0;
        foreach (var line in files.SelectMany(File.ReadLines).Where(l => l.Length > 0))
        {
            using var row = JsonDocument.Parse(line);
            var topics = row.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
            if (topics.Count is < 3 or > 4 || topics[0] != TokenTransferDecoder.TransferTopic) continue;
            var log = new EthLog(row.RootElement.GetProperty("address").GetString()!, topics, row.RootElement.GetProperty("data").GetString()!, 0, "0x", 0, 0);
            var data = Convert.FromHexString(log.Data[2..]);
            if (topics.Count == 3 && data.Length != 32) continue; // not the standard Transfer(address,address,uint256) layout
            Assert.True(TokenTransferDecoder.TryDecode(log, out var transfer), line);
            Assert.Equal(((string)address.Decode(Convert.FromHexString(topics[1][2..]), typeof(string))).ToLowerInvariant(), transfer.From);
            Assert.Equal(((string)address.Decode(Convert.FromHexString(topics[2][2..]), typeof(string))).ToLowerInvariant(), transfer.To);
            var amount = integer.DecodeBigInteger(topics.Count == 4 ? Convert.FromHexString(topics[3][2..]) : data);
            Assert.Equal(amount, topics.Count == 4 ? transfer.TokenId : transfer.Value);
            compared++;
        }
        Assert.True(compared > 500, $"only {compared} transfer logs compared");
    }

    [Fact]
    public void EthCallResults_DecodeTheSameAsNethereum()
    {
        var directory = SharedData.EthereumEtl("test_stream", "blocks_2112234_2112234");
        byte[] Result(string selector) => Convert.FromHexString(JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(directory, $"web3_response.eth_call_data_{selector}_*.json").Single()))
            .RootElement.GetProperty("result").GetString()![2..]);
        var strings = new StringTypeDecoder();
        foreach (var selector in new[] { "0x06fdde03", "0x95d89b41" }) // name(), symbol()
        {
            var result = Result(selector);
            var offset = (int)new IntTypeDecoder(false).DecodeBigInteger(result[..32]);
            Assert.Equal(strings.Decode(result[offset..]), AbiCodec.DecodeString(result));
        }
        foreach (var selector in new[] { "0x313ce567", "0x18160ddd" }) // decimals(), totalSupply()
        {
            var result = Result(selector);
            Assert.Equal(new IntTypeDecoder(false).DecodeBigInteger(result[..32]), AbiCodec.DecodeUInt(result));
        }
    }

    private static byte[] NethereumEncode(RlpItem item) =>
        item.IsList ? RLP.EncodeList(item.Items!.Select(NethereumEncode).ToArray()) : RLP.EncodeElement(item.Bytes!);

    private static string Describe(IRLPElement element) => element is RLPCollection list
        ? "[" + string.Join(",", list.Select(Describe)) + "]"
        : Convert.ToHexStringLower(element.RLPData ?? []);

    private static string Describe(RlpItem item) => item.IsList
        ? "[" + string.Join(",", item.Items!.Select(Describe)) + "]"
        : Convert.ToHexStringLower(item.Bytes!);
}
