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

    /// <summary>One of <see cref="OffenceTypes.All"/> (older cases may hold free text).</summary>
    public required string OffenceType { get; init; }

    /// <summary>The description of an offence of type <see cref="OffenceTypes.Other"/>; empty otherwise.</summary>
    public string OffenceDetail { get; init; } = "";

    public CaseStatus Status { get; init; } = CaseStatus.Open;

    /// <summary>Why the case has its status (required to suspend or close it).</summary>
    public string StatusReason { get; init; } = "";

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public long Version { get; init; } = 1;

    public IReadOnlyList<CaseSubject> Subjects { get; init; } = [];

    public IReadOnlyList<CaseWallet> Wallets { get; init; } = [];

    public IReadOnlyList<CaseNote> Notes { get; init; } = [];

    public IReadOnlyList<CaseLink> Links { get; init; } = [];

    public IReadOnlyList<SharingGrant> Grants { get; init; } = [];

    /// <summary>Every status the case has had after it was opened, oldest first.</summary>
    public IReadOnlyList<CaseStatusChange> StatusChanges { get; init; } = [];

    /// <summary>Whether <paramref name="agency"/> owns the case or holds a grant to it.</summary>
    public bool IsVisibleTo(string agency) => AccessOf(agency) != CaseAccess.None;

    /// <summary>What <paramref name="agency"/> may do with the case: own it, contribute or read under a grant, or nothing.</summary>
    public CaseAccess AccessOf(string agency) =>
        OwningAgency == agency ? CaseAccess.Owner
        : Grants.FirstOrDefault(g => g.Agency == agency) is { } grant ? (grant.Level == GrantLevel.Contribute ? CaseAccess.Contribute : CaseAccess.Read)
        : CaseAccess.None;

    /// <summary>The case closed at <paramref name="when"/>.</summary>
    public Case Close(DateTimeOffset when) => this with { Status = CaseStatus.Closed, ClosedAt = when };
}
