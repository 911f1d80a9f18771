namespace Cairn.Exchange.GoAml;

/// <summary>
/// One on-chain transfer to report: transaction hash, time, from/to address, the exact amount
/// in base units of <see cref="Asset"/> (with its <see cref="Decimals"/>), and the value in the
/// local currency when the analyst knows it (goAML's <c>amount_local</c>; empty: computed from the
/// profile's rate for the asset).
/// </summary>
public sealed record GoAmlTransaction(
    string TransactionId,
    DateTimeOffset Time,
    string Chain,
    string FromAddress,
    string ToAddress,
    string AmountBaseUnits,
    string Asset,
    int Decimals,
    string AmountLocal = "",
    string Description = "");
