using Cairn.Intel.Sanctions;
using Cairn.TestSupport;

namespace Cairn.Intel.Tests.Sanctions;

public class SdnCsvReaderTests
{
    private static readonly Lazy<(IReadOnlyList<SdnDigitalCurrencyAddress> Addresses, IReadOnlyList<Cairn.Intel.Import.ImportIssue> Issues)> Sdn =
        new(() => SdnCsvReader.Default.ReadFile(SharedData.SdnCsv));

    [Fact]
    public void Read_SdnCsv_FindsEveryAddressFieldExceptCutOnes()
    {
        var text = File.ReadAllText(SharedData.SdnCsv);
        var fields = System.Text.RegularExpressions.Regex.Matches(text, "Digital Currency Address - ").Count;
        var (addresses, issues) = Sdn.Value;

        Assert.Equal(fields, addresses.Count + issues.Count(i => i.Message.Contains("skipped", StringComparison.Ordinal)));
        Assert.DoesNotContain(issues, i => i.Severity == Cairn.Intel.Import.IssueSeverity.Error);
    }

    [Fact]
    public void Read_YanXiaobing_KeepsNameProgrammeAndAllSixAddresses()
    {
        var yan = Sdn.Value.Addresses.Where(a => a.Entry.EntryNumber == 25308).ToList();

        Assert.Equal(6, yan.Count);
        Assert.All(yan, a =>
        {
            Assert.Equal("YAN, Xiaobing", a.Entry.Name);
            Assert.Equal("individual", a.Entry.Type);
            Assert.Equal(["SDNTK"], a.Entry.Programs);
            Assert.Equal("XBT", a.Currency);
        });
        Assert.Equal("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", yan[0].Address);
    }

    [Fact]
    public void Read_LazarusGroup_SplitsProgrammesAndHasNoType()
    {
        var lazarus = Sdn.Value.Addresses.First(a => a.Entry.EntryNumber == 27307);

        Assert.Equal("LAZARUS GROUP", lazarus.Entry.Name);
        Assert.Null(lazarus.Entry.Type);
        Assert.Equal(["DPRK3"], lazarus.Entry.Programs);
        Assert.Equal(["DPRK3", "CYBER2"], Sdn.Value.Addresses.First(a => a.Entry.EntryNumber == 39796).Entry.Programs);
    }

    [Fact]
    public void Read_RemarksCutMidAddress_SkipsTheFragmentAndSaysSo()
    {
        // SECONDEYE SOLUTION's remarks stop at 1,000 characters in the middle of "1Gq…".
        Assert.DoesNotContain(Sdn.Value.Addresses, a => a.Address == "1Gq");
        Assert.Contains(Sdn.Value.Issues, i => i.Message.Contains("'1Gq'", StringComparison.Ordinal) && i.Message.Contains("SECONDEYE", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RemarksCutRightAfterACompleteAddress_KeepsIt()
    {
        // LAZARUS GROUP's remarks end exactly with a full 0x + 40 hex address.
        Assert.Contains(Sdn.Value.Addresses, a => a.Entry.EntryNumber == 27307 && a.Address == "0x08723392Ed15743cc38513C4925f5e6be5c17243");
    }
}
