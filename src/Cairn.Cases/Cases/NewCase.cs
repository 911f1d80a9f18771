using Cairn.Cases.Agencies;

namespace Cairn.Cases.Cases;

/// <summary>What opening a case needs; the owning agency is the agency of the actor who opens it.</summary>
public sealed record NewCase
{
    public NewCase(string reference, string title, string offenceType, string offenceDetail = "")
    {
        Reference = Identifiers.Require(reference, "case reference");
        Title = Identifiers.Require(title, "case title");
        OffenceType = Identifiers.Require(offenceType, "offence type");
        OffenceDetail = offenceDetail?.Trim() ?? "";
    }

    public string Reference { get; }

    public string Title { get; }

    public string OffenceType { get; }

    public string OffenceDetail { get; }
}
