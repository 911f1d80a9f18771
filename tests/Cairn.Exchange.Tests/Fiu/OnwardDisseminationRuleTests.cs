using Cairn.Core;
using Cairn.Exchange.Fiu;

namespace Cairn.Exchange.Tests.Fiu;

public class OnwardDisseminationRuleTests
{
    private static readonly DisclosureTerms Terms = new() { DisclosingAgency = "fiu-nl", Purpose = "ransomware proceeds analysis" };

    [Theory]
    [InlineData("fiu-de")]
    [InlineData("fiu-nl")]
    public void TheReceivingFiuAndTheDiscloser_MayAttachWithoutConsent(string caseOwner)
    {
        OnwardDisseminationRule.EnsureMayAttach("m1", Terms, "fiu-de", "C-1", caseOwner, []);
    }

    [Fact]
    public void AThirdAgency_NeedsARecordedConsent()
    {
        var refused = Assert.Throws<CairnException>(() => OnwardDisseminationRule.EnsureMayAttach("m1", Terms, "fiu-de", "BKA-7", "bka-de", ["lka-de"]));
        Assert.Contains("no recorded consent of fiu-nl to onward dissemination to bka-de", refused.Message, StringComparison.Ordinal);

        OnwardDisseminationRule.EnsureMayAttach("m1", Terms, "fiu-de", "BKA-7", "bka-de", ["bka-de"]);
    }
}
