namespace Cairn.Legal.Documents;

/// <summary>A request laid out for people: title, then sections of heading and paragraphs, in one language.</summary>
public sealed record RequestDocument(string RequestId, string Language, string Title, IReadOnlyList<DocumentSection> Sections);

/// <summary>One titled block of a <see cref="RequestDocument"/>.</summary>
public sealed record DocumentSection(string Heading, IReadOnlyList<string> Paragraphs);
