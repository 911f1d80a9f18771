using System.Text.Json;
using Cairn.Intel.Export;
using Cairn.Intel.Import;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Export;

public class FollowTheMoneyWriterTests
{
    [Fact]
    public void Write_DemoPack_GivesCryptoWalletsHeldByTheActorsCompany()
    {
        var tags = TagPackReader.Default.ReadFile(SharedData.TagPack("demo.yaml")).Content!.Tags;
        var actors = ActorPackReader.Default.ReadFile(SharedData.ActorPack).Content!.Actors.ToDictionary(a => a.Id);
        using var text = new StringWriter();

        FollowTheMoneyWriter.Write(text, tags, actors);

        var entities = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var holder = Assert.Single(entities, e => e.GetProperty("schema").GetString() is "Company" or "LegalEntity");
        Assert.Equal(["us"], holder.GetProperty("properties").GetProperty("jurisdiction").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Internet Archive"], holder.GetProperty("properties").GetProperty("name").EnumerateArray().Select(v => v.GetString()));
        var wallets = entities.Where(e => e.GetProperty("schema").GetString() == "CryptoWallet").ToList();
        Assert.Equal(tags.Count, wallets.Count);
        Assert.All(wallets, w =>
        {
            var properties = w.GetProperty("properties");
            Assert.Equal(holder.GetProperty("id").GetString(), properties.GetProperty("holder")[0].GetString());
            Assert.Single(properties.GetProperty("publicKey").EnumerateArray());
            Assert.Single(properties.GetProperty("currencySymbol").EnumerateArray());
        });
        Assert.Contains(wallets, w => w.GetProperty("properties").GetProperty("publicKey")[0].GetString() == "1Archive1n2C579dMsAu3iC6tWzuQJz8dN");
    }

    [Fact]
    public void Write_Twice_GivesTheSameIds()
    {
        var tags = TagPackReader.Default.ReadFile(SharedData.TagPack("tornado_cash.yaml")).Content!.Tags;
        using var first = new StringWriter();
        using var second = new StringWriter();
        FollowTheMoneyWriter.Write(first, tags, new Dictionary<string, Cairn.Intel.Actors.Actor>());
        FollowTheMoneyWriter.Write(second, tags, new Dictionary<string, Cairn.Intel.Actors.Actor>());

        Assert.Equal(first.ToString(), second.ToString());
    }
}
