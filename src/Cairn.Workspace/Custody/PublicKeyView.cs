namespace Cairn.Workspace.Custody;

/// <summary>The installation's tree-head signing key: its id and the public key (PEM).</summary>
public sealed record PublicKeyView(string KeyId, string PublicKeyPem);
