namespace Cairn.Workspace.Administration;

/// <summary>A new account and its one-time password (shown once; it must be changed at first sign-in).</summary>
public sealed record CreatedAccount(AccountView Account, string OneTimePassword);
