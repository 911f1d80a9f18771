namespace Cairn.Exchange.GoAml;

/// <summary>
/// How the FIU wants wallets of one chain described as goAML accounts (<c>t_account</c>): the
/// institution's name, and either its FIU-assigned <see cref="InstitutionCode"/> or a
/// <see cref="Swift"/> BIC (the schema requires exactly one), plus optional lookups for the
/// institution's country and the account type (e.g. a crypto-wallet code some FIUs define).
/// </summary>
public sealed record GoAmlInstitution
{
    public required string Name { get; init; }

    public string? InstitutionCode { get; init; }

    public string? Swift { get; init; }

    public string? Country { get; init; }

    public string? AccountType { get; init; }
}
