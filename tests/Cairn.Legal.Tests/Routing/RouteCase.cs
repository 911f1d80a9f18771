using YamlDotNet.Serialization;

namespace Cairn.Legal.Tests.Routing;

#pragma warning disable CA1812, CA1002, CA2227 // instantiated by YamlDotNet; mutable lists are the deserialiser's contract

/// <summary>
/// One table-driven route case (docs/legal-data.md, "Route test cases"), delivered with the research data
/// and settled by the source it names. <see cref="KnownFailure"/> marks a case the data does not meet yet
/// (a disputed or missing fact, reported): the test then asserts it still fails, so fixing the data shows.
/// </summary>
public sealed class RouteCase
{
    public string Id { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Measure { get; set; } = "";

    [YamlMember(Alias = "on")]
    public string? On { get; set; }

    public bool Urgent { get; set; }
    public string? Offence { get; set; }
    public RouteExpectation Expect { get; set; } = new();
    public string Source { get; set; } = "";
    public string? KnownFailure { get; set; }
    public string? Note { get; set; }

    public override string ToString() => Id;
}

/// <summary>What the route finder must answer: the first option's instrument, instruments among / absent from the options, or none.</summary>
public sealed class RouteExpectation
{
    public string? FirstInstrument { get; set; }
    public string? FirstRule { get; set; }
    public List<string> Includes { get; set; } = [];
    public List<string> Excludes { get; set; } = [];
    public bool? None { get; set; }

    /// <summary>Rule id to the dual-criminality rule the option must carry (e.g. "required" after an Art 29(4) reservation).</summary>
    public Dictionary<string, string> DualCriminality { get; set; } = [];

    /// <summary>Rule id to a text the option's addressee must contain (a designated authority).</summary>
    public Dictionary<string, string> Addressee { get; set; } = [];

    /// <summary>Rule id to the languages (ISO 639-3) the option must list as accepted.</summary>
    public Dictionary<string, List<string>> Languages { get; set; } = [];

    /// <summary>Texts that must appear in the route's notes (e.g. "XX is not a party to …").</summary>
    public List<string> NotesInclude { get; set; } = [];
}
