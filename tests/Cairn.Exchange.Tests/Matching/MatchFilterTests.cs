using Cairn.Core;
using Cairn.Exchange.Matching;
using Cairn.Exchange.Tests.Envelopes;
using Cairn.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Exchange.Tests.Matching;

public class MatchFilterTests
{
    /// <summary>Every address on OFAC's SDN list (../shared/data, 0xB10C, MIT).</summary>
    private static List<string> SanctionedAddresses() =>
        Directory.GetFiles(SharedData.PathOf("ofac-sanctioned-digital-currency-addresses"), "sanctioned_addresses_*.txt")
            .SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0).Distinct().ToList();

    [Fact]
    public void EveryPublishedIdentifier_Hits_AndTheFileHoldsNoneOfThem()
    {
        var addresses = SanctionedAddresses();
        Assert.True(addresses.Count > 500);
        var filter = MatchFilter.Build(addresses, 1e-6, "nl-fiu", TestNodes.Now);
        var file = filter.ToBytes();
        var reread = MatchFilter.ReadFrom(file, "filter");

        Assert.Equal(addresses.Count, reread.Hits(addresses).Count);
        var text = System.Text.Encoding.Latin1.GetString(file);
        Assert.DoesNotContain(addresses, a => text.Contains(a, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NoFalseNegatives_ForAnyIdentifiers()
    {
        var property = Prop.ForAll<NonEmptyString[]>(items =>
        {
            var identifiers = items.Select(i => i.Get).Where(i => IdentifierNormalizer.Normalize(i).Length > 0).ToList();
            var filter = MatchFilter.Build(identifiers, 0.01, "p", TestNodes.Now);
            return identifiers.All(filter.Contains);
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void MeasuredFalsePositives_StayNearTheStatedRate()
    {
        var members = Enumerable.Range(0, 20_000).Select(i => $"member-{i}").ToList();
        var filter = MatchFilter.Build(members, 0.01, "p", TestNodes.Now);
        var outsiders = Enumerable.Range(0, 100_000).Select(i => $"outsider-{i}").ToList();

        var measured = (double)filter.Hits(outsiders).Count / outsiders.Count;

        Assert.InRange(filter.ExpectedFalsePositiveRate, 0.005, 0.0101);
        Assert.InRange(measured, filter.ExpectedFalsePositiveRate * 0.7, filter.ExpectedFalsePositiveRate * 1.3);
    }

    [Fact]
    public void TheSaltDecidesTheBits_SoPublicationsWithFreshSaltsCannotBeCompared()
    {
        var addresses = SanctionedAddresses();
        byte[] Bits(byte salt) => MatchFilter.Build(addresses, 1e-4, "p", TestNodes.Now, Enumerable.Repeat(salt, 32).ToArray()).ToBytes()[^1032..^32];

        Assert.Equal(Bits(1), Bits(1));
        Assert.NotEqual(Bits(1), Bits(2));
    }

    [Fact]
    public void Normalization_MatchesChecksumAndBech32CaseVariants_ButNotBase58()
    {
        var filter = MatchFilter.Build(["0x8589427373D6D84E98730D7795D8f6f8731FDA16", "bc1qa5wkgaew2dkv56kfvj49j0av5nml45x9ek9hz6", "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V"], 1e-6, "p", TestNodes.Now);

        Assert.True(filter.Contains("0x8589427373d6d84e98730d7795d8f6f8731fda16"));
        Assert.True(filter.Contains(" BC1QA5WKGAEW2DKV56KFVJ49J0AV5NML45X9EK9HZ6 "));
        Assert.False(filter.Contains("1ajzpmsnmpdk2rv9kqnfmurtxinscvro9v"));
    }

    [Fact]
    public void ADamagedFile_IsRefusedWithItsName()
    {
        var file = MatchFilter.Build(["a", "b"], 0.01, "p", TestNodes.Now).ToBytes();
        file[^40] ^= 1;

        var error = Assert.Throws<CairnException>(() => MatchFilter.ReadFrom(file, "partner.cmf"));
        Assert.Contains("partner.cmf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 1e-3)]
    [InlineData(20, 1e-3)]
    public void SmallFilters_StayUnderTheirTargetRate_OverManySalts(int entries, double rate)
    {
        // Double hashing gives a small filter few distinct progressions: before the size floor, 3 entries at 10⁻³
        // (64 bits) were hit by 7.2·10⁻³ of all queries.
        var members = Enumerable.Range(0, entries).Select(i => $"member-{i}").ToList();
        var outsiders = Enumerable.Range(0, 2_000).Select(i => $"outsider-{i}").ToList();
        var hits = 0;
        for (var salt = 0; salt < 100; salt++)
        {
            var key = new byte[32];
            new Random(salt).NextBytes(key);
            hits += MatchFilter.Build(members, rate, "p", TestNodes.Now, key).Hits(outsiders).Count;
        }

        Assert.InRange((double)hits / (100 * outsiders.Count), 0, rate);
    }

    [Theory]
    [InlineData(1_000_000, 1e-6, 28_755_176, 20)]
    [InlineData(1_000, 0.01, 9_600, 7)]
    public void Parameters_FollowTheOptimalBloomFormulas(long capacity, double rate, long approximateBits, int hashes)
    {
        var parameters = MatchFilterParameters.For(capacity, rate);

        Assert.InRange(parameters.Bits, approximateBits, approximateBits + 64);
        Assert.Equal(hashes, parameters.HashCount);
        Assert.InRange(parameters.ExpectedFalsePositiveRate(capacity), rate * 0.9, rate * 1.1);
    }
}
