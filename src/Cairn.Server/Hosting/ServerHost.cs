namespace Cairn.Server.Hosting;

/// <summary>The built server and, on an installation's first start, the admin's one-time password (to print once; never logged).</summary>
public sealed record ServerHost(WebApplication App, string? BootstrapPassword);
