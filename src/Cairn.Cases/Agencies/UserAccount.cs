namespace Cairn.Cases.Agencies;

/// <summary>
/// A person who signs in: their agency, roles and password hash (never the password).
/// <see cref="MustChangePassword"/> is set for the bootstrap admin and for accounts an admin
/// created, so a password someone else has seen is replaced at first sign-in.
/// </summary>
public sealed record UserAccount
{
    public required string Login { get; init; }

    public required string Agency { get; init; }

    public required string DisplayName { get; init; }

    public required IReadOnlyList<Role> Roles { get; init; }

    public required string PasswordHash { get; init; }

    public bool MustChangePassword { get; init; }

    public bool Disabled { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public Actor Actor => new(Login, Agency);

    public bool Has(Role role) => Roles.Contains(role);
}
