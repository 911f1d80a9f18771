namespace Cairn.Legal.Documents;

/// <summary>
/// A request laid out for people: title, then sections of heading and paragraphs, in one language, and
/// the annex tables long lists go to (wallets, transactions, subjects). <see cref="Flags"/> are warnings
/// the reader must see first (unverified legal facts, a language the addressee may not accept).
/// </summary>
public sealed record RequestDocument(string RequestId, string Language, string Title, IReadOnlyList<DocumentSection> Sections)
{
    public IReadOnlyList<string> Flags { get; init; } = [];

    public IReadOnlyList<DocumentTable> Annexes { get; init; } = [];

    /// <summary>Every paragraph, flag and table cell as text (for search and tests).</summary>
    public string PlainText => string.Join("\n", new[] { Title }.Concat(Flags)
        .Concat(Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading)))
        .Concat(Annexes.SelectMany(a => a.Rows.SelectMany(r => r).Concat(a.Columns).Prepend(a.Title))));
}

/// <summary>One titled block of a <see cref="RequestDocument"/>.</summary>
public sealed record DocumentSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>An annex table: title, column headings and rows of cells.</summary>
public sealed record DocumentTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
