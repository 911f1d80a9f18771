using System.Numerics;
using Cairn.Legal.Requests;

namespace Cairn.Legal.Tests.Requests;

/// <summary>Trace findings shaped like the tracing engine's output (real mainnet address and txid formats).</summary>
internal static class RequestFixtures
{
    // Genesis coinbase address and tx hash: public, well-known values used only as realistic identifiers.
    public const string Address = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    public const string TxId = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

    public static TraceFinding ExchangeInGermany => new("DE", "Example Exchange GmbH", [Address], [TxId], [new AssetAmount("BTC", new BigInteger(5_000_000_000), 8)]);

    public static TraceFinding ExchangeInFrance => new("FR", "Exemple Échange SAS", ["bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"], [TxId], [new AssetAmount("BTC", new BigInteger(12_345_678), 8)]);

    public static LegalRequest DraftFor(string from, string measure, bool urgent = false, string language = "en", TimeProvider? time = null, string? authority = null, string? offence = null, string? ruleId = null)
    {
        var drafter = new RequestDrafter(TestData.Reference, time ?? new FixedTime(TestData.Now));
        var result = drafter.Draft(new DraftInput("CASE-7", from, [ExchangeInGermany], [measure], urgent, language, authority, offence, RuleId: ruleId));
        return Assert.Single(result.Drafts);
    }

    /// <summary>Fills every still-missing required item so the request can leave draft.</summary>
    public static void Complete(LegalRequest request)
    {
        foreach (var item in Cairn.Legal.Requests.CompletenessChecker.Check(request, TestData.Reference).Missing)
            request.SetContent(item.Id, "Provided by the investigator for " + item.Id);
    }
}
