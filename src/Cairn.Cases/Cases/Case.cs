namespace Cairn.Cases.Cases;

/// <summary>
/// An investigation: owned by one agency, visible to others only through explicit
/// <see cref="Grants"/>. <see cref="Version"/> increases with every saved change and is the
/// optimistic-concurrency token: saving a case read at an older version fails.
/// </summary>
public sealed record Case
{
    public required string Id { get; init; }

    public required string Reference { get; init; }

    public required string Title { get; init; }

    public required string OwningAgency { get; init; }

    public required string OffenceType { get; init; }

    public CaseStatus Status { get; init; } = CaseStatus.Open;

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public long Version { get; init; } = 1;

    public IReadOnlyList<CaseSubject> Subjects { get; init; } = [];

    public IReadOnlyList<CaseWallet> Wallets { get; init; } = [];

    public IReadOnlyList<CaseNote> Notes { get; init; } = [];

    public IReadOnlyList<CaseLink> Links { get; init; } = [];

    public IReadOnlyList<SharingGrant> Grants { get; init; } = [];

    /// <summary>Whether <paramref name="agency"/> owns the case or holds a grant to it.</summary>
    public bool IsVisibleTo(string agency) =>
        OwningAgency == agency || Grants.Any(g => g.Agency == agency);

    /// <summary>The case closed at <paramref name="when"/>.</summary>
    public Case Close(DateTimeOffset when) => this with { Status = CaseStatus.Closed, ClosedAt = when };
}
