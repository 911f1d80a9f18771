namespace Cairn.Server.Api.Records;

/// <summary>A sign-in with login and password.</summary>
public sealed record LoginRequest(string? Login, string? Password);
