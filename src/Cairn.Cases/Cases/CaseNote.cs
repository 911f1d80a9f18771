namespace Cairn.Cases.Cases;

public sealed record CaseNote(string Author, string Agency, DateTimeOffset WrittenAt, string Text);
