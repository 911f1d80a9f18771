using Cairn.Cases.Cases;

namespace Cairn.Exchange.Ivms101;

/// <summary>What an IVMS101 payload contributes to a case: its persons and VASPs as subjects, its account numbers as wallets.</summary>
public sealed record Ivms101Import(IReadOnlyList<CaseSubject> Subjects, IReadOnlyList<CaseWallet> Wallets);
