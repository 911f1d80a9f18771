namespace Cairn.Legal.Reference;

/// <summary>A denunciation or withdrawal: notified on one date, effective on another (e.g. six months later under ETS 030 Art 29).</summary>
public sealed record PartyWithdrawal(DateOnly? Notified, DateOnly Effective, string? Source);
