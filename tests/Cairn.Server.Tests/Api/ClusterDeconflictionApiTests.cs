using System.Text.Json.Nodes;
using Cairn.Development.Demo;
using Cairn.Server.Tests.Infrastructure;

namespace Cairn.Server.Tests.Api;

/// <summary>
/// Deconfliction at cluster level (issue 18, docs/deconfliction.md): two different addresses of one multi-input cluster of the demo
/// chain, recorded in cases of two agencies, give both agencies a cluster hit notice naming their own address, the cluster and the
/// other agency, and nothing of either case; a contact request names the receiver's own address.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class ClusterDeconflictionApiTests(DemoServerFixture fixture)
{
    /// <summary>Two addresses spent together somewhere in the demo chain (found through the cluster endpoint, not assumed).</summary>
    private async Task<(string First, string Second, long Cluster)> TwoAddressesOfOneClusterAsync(ApiClient client)
    {
        var scenario = fixture.Demo.Scenario.Ransomware!;
        foreach (var seed in scenario.Deposits.Select(d => d.Address).Prepend(scenario.RansomAddress))
        {
            var cluster = await client.GetJsonAsync($"/api/v1/btc/cluster/{seed}?limit=50");
            var members = cluster["addresses"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
            if (members.Count >= 2) return (members[0], members[1], cluster["cluster_id"]!.GetValue<long>());
        }
        throw new InvalidOperationException("the demo chain has no multi-input cluster among the scenario's addresses");
    }

    private static IEnumerable<JsonNode> Hits(JsonNode page, string kind) => page["items"]!.AsArray().Where(n => n!["kind"]!.GetValue<string>() == kind).Select(n => n!);

    [Fact]
    public async Task AddressesOfOneClusterInTwoAgenciesCases_BothGetAClusterHitWithoutCaseDetails_AndContactNamesTheirOwnAddress()
    {
        using var admin = await fixture.AdminAsync();
        using var olga = await fixture.SignInAsync("olga");
        var (first, second, cluster) = await TwoAddressesOfOneClusterAsync(admin);
        await olga.PostJsonAsync("/api/v1/cases", new { reference = "CLUSTER-OTHER-4", title = "Operation Bittern", offence_type = "fraud" });
        await olga.PostJsonAsync("/api/v1/cases/CLUSTER-OTHER-4/wallets", new { chain = "btc", address = second, role = "unknown", label = "Bittern wallet" });
        await admin.PostJsonAsync("/api/v1/cases", new { reference = "CLUSTER-SECRET-3", title = "Operation Curlew", offence_type = "fraud" });
        await admin.PostJsonAsync("/api/v1/cases/CLUSTER-SECRET-3/wallets", new { chain = "btc", address = first, role = "perpetrator", label = "Curlew collector" });

        var hers = Assert.Single(Hits(await olga.GetJsonAsync("/api/v1/notifications?limit=500"), "cluster_hit"), n => n["detail"]!.GetValue<string>().Contains(second, StringComparison.Ordinal));
        Assert.Equal($"btc {second} {cluster} {DemoPipeline.Agency}", hers["detail"]!.GetValue<string>());
        Assert.Null(hers["case_reference"]);
        var ours = Assert.Single(Hits(await admin.GetJsonAsync("/api/v1/notifications?limit=500"), "cluster_hit"), n => n["detail"]!.GetValue<string>().Contains(first, StringComparison.Ordinal));
        Assert.Equal($"btc {first} {cluster} {DemoServerFixture.OtherAgency}", ours["detail"]!.GetValue<string>());

        // Neither side learns the other's case, label or address.
        // (Other tests of this fixture may record these addresses in their own cases: the address check looks at this test's notices.)
        var herPage = (await olga.GetAsync("/api/v1/notifications?limit=500")).Text;
        foreach (var secret in new[] { "CLUSTER-SECRET-3", "Curlew" }) Assert.DoesNotContain(secret, herPage, StringComparison.Ordinal);
        Assert.DoesNotContain(first, hers.ToJsonString(), StringComparison.Ordinal);
        var ourPage = (await admin.GetAsync("/api/v1/notifications?limit=500")).Text;
        foreach (var secret in new[] { "CLUSTER-OTHER-4", "Bittern" }) Assert.DoesNotContain(secret, ourPage, StringComparison.Ordinal);
        Assert.DoesNotContain(second, ours.ToJsonString(), StringComparison.Ordinal);

        // The same address again is not told twice.
        await admin.PostJsonAsync("/api/v1/cases/CLUSTER-SECRET-3/wallets", new { chain = "btc", address = first, role = "perpetrator", label = "again" });
        Assert.Single(Hits(await olga.GetJsonAsync("/api/v1/notifications?limit=500"), "cluster_hit"), n => n["detail"]!.GetValue<string>().Contains(second, StringComparison.Ordinal));

        var asked = await admin.PostJsonAsync($"/api/v1/notifications/{ours["id"]!.GetValue<string>()}/contact");
        Assert.Equal(DemoServerFixture.OtherAgency, asked["agency"]!.GetValue<string>());
        // The other agency is asked about its own address of the cluster; ours is not named.
        Assert.Single(Hits(await olga.GetJsonAsync("/api/v1/notifications?limit=500"), "contact_request"),
            n => n["detail"]!.GetValue<string>() == $"btc {second} {DemoPipeline.Agency} admin cluster");

        using var auditor = await fixture.SignInAsync("aud");
        var log = (await auditor.GetJsonAsync("/api/v1/log/search?action=deconfliction&limit=500"))["items"]!.AsArray().Select(h => h!["entry"]!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("deconfliction.cluster_hit", log);
        Assert.Contains("deconfliction.scan", log);
    }

    [Fact]
    public async Task PublishingAFilter_ToANodeThatIsNoPartner_IsAProblemNamingTheField()
    {
        using var admin = await fixture.AdminAsync();
        var refused = await admin.PostAsync("/api/v1/exchange/filters", new { to = "", false_positive_rate = 1e-6 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("to", refused.Text, StringComparison.Ordinal);
        var rate = await admin.PostAsync("/api/v1/exchange/filters", new { to = "de-bka", false_positive_rate = 0.5 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, rate.Status);
        Assert.Contains("false_positive_rate", rate.Text, StringComparison.Ordinal);
    }
}
