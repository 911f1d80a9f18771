using Cairn.Cases.Cases;
using Cairn.Core;
using Cairn.Exchange.Ivms101;

namespace Cairn.Exchange.Tests.Documents;

public class Ivms101ReaderTests
{
    // Shaped after the IVMS101 (2020) data model: originator/beneficiary persons, account numbers, VASPs.
    private const string Payload = """
    {
      "originator": {
        "originatorPersons": [{ "naturalPerson": {
          "name": { "nameIdentifier": [ { "primaryIdentifier": "Dupont", "secondaryIdentifier": "Marie", "nameIdentifierType": "LEGL" } ] },
          "nationalIdentification": { "nationalIdentifier": "FR12345", "nationalIdentifierType": "CCPT" },
          "countryOfResidence": "FR" } }],
        "accountNumber": ["bc1qa5wkgaew2dkv56kfvj49j0av5nml45x9ek9hz6"]
      },
      "beneficiary": {
        "beneficiaryPersons": [{ "legalPerson": {
          "name": { "nameIdentifier": [ { "legalPersonName": "Shell Trading Ltd", "legalPersonNameIdentifierType": "LEGL" } ] },
          "countryOfRegistration": "SC" } }],
        "accountNumber": ["0x8589427373D6D84E98730D7795D8f6f8731FDA16"]
      },
      "originatingVASP": { "originatingVASP": { "legalPerson": { "name": { "nameIdentifier": [ { "legalPersonName": "Exchange One SAS", "legalPersonNameIdentifierType": "LEGL" } ] } } } },
      "beneficiaryVASP": { "beneficiaryVASP": { "legalPerson": { "name": { "nameIdentifier": [ { "legalPersonName": "Offshore Swap Inc", "legalPersonNameIdentifierType": "TRAD" } ] } } } }
    }
    """;

    [Fact]
    public void Read_TurnsPersonsAndVaspsIntoSubjects_AndAccountsIntoWallets()
    {
        var imported = Ivms101Reader.Read(Payload, "payload.json");

        Assert.Equal(
            [(SubjectKind.Person, "Marie Dupont"), (SubjectKind.Organisation, "Shell Trading Ltd"), (SubjectKind.Organisation, "Exchange One SAS"), (SubjectKind.Organisation, "Offshore Swap Inc")],
            imported.Subjects.Select(s => (s.Kind, s.Name)));
        Assert.Contains("national id FR12345 CCPT", imported.Subjects[0].Details, StringComparison.Ordinal);
        Assert.Contains("IVMS101 beneficiary VASP", imported.Subjects[3].Details, StringComparison.Ordinal);
        Assert.Equal([("btc", "bc1qa5wkgaew2dkv56kfvj49j0av5nml45x9ek9hz6"), ("eth", "0x8589427373D6D84E98730D7795D8f6f8731FDA16")], imported.Wallets.Select(w => (w.Chain, w.Address)));
    }

    [Fact]
    public void PascalCaseKeys_AndAWrapper_AreAccepted()
    {
        var wrapped = "{\"ivms101\":" + Payload.Replace("\"originator\"", "\"Originator\"", StringComparison.Ordinal).Replace("\"beneficiary\"", "\"Beneficiary\"", StringComparison.Ordinal) + "}";

        Assert.Equal(4, Ivms101Reader.Read(wrapped, "w.json").Subjects.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"something\": 1}")]
    public void NonIvmsInput_IsRefusedNamingTheFile(string text)
    {
        Assert.Contains("bad.json", Assert.Throws<CairnException>(() => Ivms101Reader.Read(text, "bad.json")).Message, StringComparison.Ordinal);
    }
}
