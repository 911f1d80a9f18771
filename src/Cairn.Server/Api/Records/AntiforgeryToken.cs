namespace Cairn.Server.Api.Records;

/// <summary>The antiforgery token a browser page sends back in the named header with every change.</summary>
public sealed record AntiforgeryToken(string? Token, string Header);
