using Cairn.Cases.Cases;

namespace Cairn.Workspace.Exchange;

/// <summary>What an IVMS101 payload added to a case: the subjects and wallets that were not there yet.</summary>
public sealed record Ivms101Imported(string Case, IReadOnlyList<CaseSubject> SubjectsAdded, IReadOnlyList<CaseWallet> WalletsAdded);
