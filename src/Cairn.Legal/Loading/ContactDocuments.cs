namespace Cairn.Legal.Loading;

// Shape of data/legal/contacts.yaml (v2): one entry per State, role and (optionally) instrument.
#pragma warning disable CA1812, CA1002, CA2227 // instantiated by YamlDotNet; mutable lists are the deserialiser's contract

internal sealed class ContactsFile
{
    public List<ContactEntry> Contacts { get; set; } = [];
}

internal sealed class ContactEntry
{
    public string State { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Instrument { get; set; }
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public List<string> Languages { get; set; } = [];
    public string? Citation { get; set; }
    public bool Verified { get; set; }
    public string? Source { get; set; }
    public string? AsOf { get; set; }
    public string? Note { get; set; }
}
