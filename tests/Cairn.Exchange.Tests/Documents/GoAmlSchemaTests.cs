using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Cairn.Exchange.GoAml;
using Cairn.Exchange.Tests.Envelopes;
using static Cairn.Exchange.Tests.Documents.GoAmlTestData;

namespace Cairn.Exchange.Tests.Documents;

/// <summary>Cairn's goAML reports checked by .NET's XmlSchemaSet against published goAML schemas (TestData/goaml/README.md).</summary>
public class GoAmlSchemaTests
{
    [Theory]
    [InlineData("goAMLSchema-5.0.2-uae-fiu.xsd", "fiu-uae-5.0.2.json")]
    [InlineData("goAMLSchema-5.0.1-unodc.xsd", "fiu-unodc-5.0.1.json")]
    public void Report_IsValidAgainstThePublishedSchema(string schema, string fiuFile)
    {
        var report = GoAmlWriter.Write(Sample, Request(Profile(fiuFile)), TestNodes.Now);

        Assert.Empty(Validate(report, schema));
    }

    [Fact]
    public void Report_WithOnlyCaseParties_IsValidToo()
    {
        var report = GoAmlWriter.Write(Sample, Request(Profile("fiu-uae-5.0.2.json")) with { Transactions = [] }, TestNodes.Now);

        Assert.Empty(Validate(report, "goAMLSchema-5.0.2-uae-fiu.xsd"));
    }

    [Fact]
    public void ACodeTheFiuDoesNotList_FailsTheSchema()
    {
        // The UNODC template's report codes (CTR) are not in the UAE FIU's list: the check is real.
        var request = Request(Profile("fiu-uae-5.0.2.json"));
        var report = GoAmlWriter.Write(Sample, request with { Profile = request.Profile with { ReportCode = "CTR" } }, TestNodes.Now);

        Assert.Contains(Validate(report, "goAMLSchema-5.0.2-uae-fiu.xsd"), e => e.Contains("report_code", StringComparison.Ordinal));
    }

    [Fact]
    public void AReportWithoutBranchOrLocation_FailsTheUnodcSchema()
    {
        var report = GoAmlWriter.Write(Sample, Request(Profile("fiu-unodc-5.0.1.json")), TestNodes.Now);
        report.Root!.Element("rentity_branch")!.Remove();
        report.Root!.Element("location")!.Remove();

        Assert.NotEmpty(Validate(report, "goAMLSchema-5.0.1-unodc.xsd"));
    }

    private static List<string> Validate(XDocument report, string schema)
    {
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(PathOf(schema), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            schemas.Add(null, reader);
        schemas.Compile();
        var errors = new List<string>();
        // Validate the serialised bytes, as an FIU would receive them.
        using var text = new StringReader(report.Declaration + Environment.NewLine + report.Root);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using (var validating = XmlReader.Create(text, settings))
            while (validating.Read()) { }
        return errors;
    }
}
