namespace Cairn.Workspace.Exchange;

/// <summary>A partner to register, from its card file or its base URL (GET /exchange/v1/node), refused when its signing fingerprint is not the one read out of band.</summary>
public sealed record PartnerRequest(string? CardFile, string? Url, string? ExpectFingerprint);
