using System.Text.Json.Nodes;
using Cairn.Core;
using Cairn.Exchange.Matching;
using Cairn.TestSupport.Schemas;
using Cairn.Workspace.Exchange;

namespace Cairn.Exchange.Tests.Matching;

/// <summary>The body of match_filter / match_hit envelopes (docs/deconfliction.md) against docs/schemas/deconfliction-message.schema.json, and bad bodies.</summary>
public sealed class DeconflictionMessageTests
{
    private static IReadOnlyList<string> SchemaErrors(string json) =>
        SchemaCheck.Errors(SchemaCheck.RepositoryFile("docs", "schemas", "deconfliction-message.schema.json"), JsonNode.Parse(json));

    [Fact]
    public void WrittenBodies_MatchThePublishedSchema_AndReadBack()
    {
        var filter = MatchFilter.Build(["bc1qexampleaddress0000000000000000000000"], 1e-6, "nl-fiu", DateTimeOffset.UnixEpoch);
        var bodies = new[]
        {
            new DeconflictionMessage { FilterId = "0195f0a0-0000-7000-8000-000000000001" },
            new DeconflictionMessage { FilterId = "f", KeyedHashes = [filter.KeyedHash("bc1qexampleaddress0000000000000000000000")] },
            new DeconflictionMessage { FilterId = "f", KeyedHashes = [filter.KeyedHash("x")], Contact = true, User = "kommissarin" },
        };
        foreach (var body in bodies)
        {
            var json = body.ToJson();
            Assert.Empty(SchemaErrors(json));
            var read = DeconflictionMessage.Parse(json, "message m");
            Assert.Equal(body.FilterId, read.FilterId);
            Assert.Equal(body.KeyedHashes, read.KeyedHashes);
            Assert.Equal(body.Contact, read.Contact);
        }
    }

    [Fact]
    public void KeyedHash_IsTheHmacOfTheNormalisedAddress_SoBothSidesAgreeWhateverTheCase()
    {
        var key = new byte[32];
        key[0] = 7;
        Assert.Equal(MatchFilter.KeyedHash(key, "BC1QEXAMPLE"), MatchFilter.KeyedHash(key, " bc1qexample "));
        Assert.NotEqual(MatchFilter.KeyedHash(key, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"), MatchFilter.KeyedHash(key, "1boatslrhtknngkdxeeobr76b53lettpyt"));
        // RFC 4231-style check of the construction against .NET's one-shot HMAC on the same bytes.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, "bc1qexample"u8)), MatchFilter.KeyedHash(key, "BC1QEXAMPLE"));
    }

    [Theory]
    [InlineData("not json", "not a deconfliction message")]
    [InlineData("{\"format\":\"other/1\",\"filter_id\":\"f\",\"keyed_hashes\":[],\"contact\":false}", "format must be")]
    [InlineData("{\"format\":\"cairn-deconfliction/1\",\"filter_id\":\"\",\"keyed_hashes\":[],\"contact\":false}", "filter_id")]
    [InlineData("{\"format\":\"cairn-deconfliction/1\",\"filter_id\":\"f\",\"keyed_hashes\":[\"ABC\"],\"contact\":false}", "keyed_hashes")]
    [InlineData("{\"format\":\"cairn-deconfliction/1\",\"filter_id\":\"f\",\"keyed_hashes\":[],\"contact\":false,\"case_reference\":\"X\"}", "not a deconfliction message")]
    public void ABadBody_IsOneLineNamingTheMessage(string json, string expected)
    {
        var error = Assert.Throws<CairnException>(() => DeconflictionMessage.Parse(json, "message nl-fiu/1"));
        Assert.StartsWith("message nl-fiu/1", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ADamagedFilterAttachment_IsOneLineNamingIt()
    {
        var bytes = MatchFilter.Build(["a", "b"], 1e-6, "nl-fiu", DateTimeOffset.UnixEpoch).ToBytes();
        bytes[bytes.Length / 2] ^= 0x40;
        var error = Assert.Throws<CairnException>(() => MatchFilter.ReadFrom(bytes, "message m (match-filter.cmf)"));
        Assert.Equal("message m (match-filter.cmf) is damaged: its checksum does not match", error.Message);
    }
}
