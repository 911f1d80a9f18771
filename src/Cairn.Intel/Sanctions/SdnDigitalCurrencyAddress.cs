namespace Cairn.Intel.Sanctions;

/// <summary>One "Digital Currency Address - ASSET address" field found in an SDN entry's remarks.</summary>
public sealed record SdnDigitalCurrencyAddress(SanctionEntry Entry, string Currency, string Address);
