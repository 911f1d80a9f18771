namespace Cairn.Exchange.GoAml;

/// <summary>
/// A goAML <c>t_address</c>: the reporting entity's <c>location</c>. <see cref="AddressType"/> and
/// <see cref="CountryCode"/> are codes from the FIU's lookups (<c>contact_type</c>, <c>country_type</c>);
/// goAML 5.0.2 requires <see cref="State"/>, so it is always written.
/// </summary>
public sealed record GoAmlAddress
{
    public required string AddressType { get; init; }

    public required string Address { get; init; }

    public required string City { get; init; }

    public string? Zip { get; init; }

    public required string CountryCode { get; init; }

    public required string State { get; init; }
}
