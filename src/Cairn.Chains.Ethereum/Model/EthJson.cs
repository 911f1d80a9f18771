using System.Globalization;
using System.Text.Json;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Core;

namespace Cairn.Chains.Ethereum.Model;

/// <summary>
/// Reads the JSON-RPC result objects of the Ethereum execution API (blocks, transactions,
/// receipts, logs) into records. Addresses and hashes are normalised to lower case; numbers
/// accept both hex QUANTITY strings and plain JSON numbers (ethereum-etl exports use the latter).
/// </summary>
public static class EthJson
{
    public static EthBlock ParseBlock(JsonElement block)
    {
        RequireObject(block, "block");
        var number = Quantity(block, "number");
        var transactions = new List<EthTransaction>();
        if (block.TryGetProperty("transactions", out var txs) && txs.ValueKind == JsonValueKind.Array)
        {
            foreach (var tx in txs.EnumerateArray())
            {
                if (tx.ValueKind != JsonValueKind.Object)
                    throw new CairnException($"block {number} lists transaction hashes only: request it with full transactions (eth_getBlockByNumber(n, true))");
                transactions.Add(ParseTransaction(tx));
            }
        }
        return new EthBlock(
            number,
            Lower(String(block, "hash")),
            Lower(String(block, "parentHash")),
            Quantity(block, "timestamp"),
            Lower(OptionalString(block, "miner") ?? OptionalString(block, "author") ?? ""),
            OptionalQuantity(block, "gasUsed") ?? 0,
            transactions);
    }

    public static EthTransaction ParseTransaction(JsonElement tx)
    {
        RequireObject(tx, "transaction");
        return new EthTransaction(
        Lower(String(tx, "hash")),
        Quantity(tx, "blockNumber"),
        (int)Quantity(tx, "transactionIndex"),
        Lower(String(tx, "from")),
        OptionalString(tx, "to") is { Length: > 0 } to ? Lower(to) : null,
        BigQuantity(tx, "value"),
        OptionalQuantity(tx, "nonce") ?? 0,
        OptionalQuantity(tx, "gas") ?? 0,
        tx.TryGetProperty("gasPrice", out var price) && price.ValueKind != JsonValueKind.Null ? BigQuantity(tx, "gasPrice") : null,
        OptionalString(tx, "input") ?? "0x",
        (int)(OptionalQuantity(tx, "type") ?? 0));
    }

    public static EthReceipt ParseReceipt(JsonElement receipt)
    {
        RequireObject(receipt, "receipt");
        var logs = new List<EthLog>();
        if (receipt.TryGetProperty("logs", out var array) && array.ValueKind == JsonValueKind.Array)
            foreach (var log in array.EnumerateArray()) logs.Add(ParseLog(log));
        var status = OptionalQuantity(receipt, "status");
        return new EthReceipt(
            Lower(String(receipt, "transactionHash")),
            (int)Quantity(receipt, "transactionIndex"),
            Quantity(receipt, "blockNumber"),
            Lower(String(receipt, "blockHash")),
            status is null ? null : status == 1,
            OptionalQuantity(receipt, "gasUsed") ?? 0,
            OptionalQuantity(receipt, "cumulativeGasUsed") ?? 0,
            OptionalString(receipt, "contractAddress") is { Length: > 0 } created ? Lower(created) : null,
            OptionalString(receipt, "root"),
            logs);
    }

    public static EthLog ParseLog(JsonElement log)
    {
        RequireObject(log, "log");
        var topics = new List<string>();
        if (log.TryGetProperty("topics", out var array) && array.ValueKind == JsonValueKind.Array)
            foreach (var topic in array.EnumerateArray())
                topics.Add(topic.ValueKind == JsonValueKind.String ? Lower(Utf8String(topic, "topics")) : throw new CairnException($"Ethereum JSON log topic is {topic.ValueKind}, not a hex string"));
        return new EthLog(
            Lower(String(log, "address")),
            topics,
            Lower(OptionalString(log, "data") ?? "0x"),
            (int)Quantity(log, "logIndex"),
            Lower(String(log, "transactionHash")),
            (int)Quantity(log, "transactionIndex"),
            Quantity(log, "blockNumber"));
    }

    internal static string String(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw new CairnException($"Ethereum JSON object lacks '{name}'");

    internal static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Utf8String(value, name) : null;

    /// <summary>A string value; JsonDocument checks UTF-8 only when a string is read, so bad bytes from a file are refused here by name.</summary>
    private static string Utf8String(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new CairnException($"Ethereum JSON field '{name}' is not valid UTF-8", ex);
        }
    }

    internal static long Quantity(JsonElement element, string name) =>
        OptionalQuantity(element, name) ?? throw new CairnException($"Ethereum JSON object lacks '{name}'");

    internal static long? OptionalQuantity(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => Hex.ToInt64(Utf8String(value, name), name),
            JsonValueKind.Number => value.TryGetInt64(out var number) ? number : throw new CairnException($"Ethereum JSON field '{name}' is {UserText.Quote(value.GetRawText(), 40)}, not a whole 64-bit number"),
            _ => null,
        };
    }

    internal static System.Numerics.BigInteger BigQuantity(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) throw new CairnException($"Ethereum JSON object lacks '{name}'");
        return value.ValueKind switch
        {
            JsonValueKind.String => Hex.ToBigInteger(Utf8String(value, name), name),
            JsonValueKind.Number => System.Numerics.BigInteger.TryParse(value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new CairnException($"Ethereum JSON field '{name}' is {UserText.Quote(value.GetRawText(), 40)}, not a whole number"),
            _ => throw new CairnException($"Ethereum JSON field '{name}' is not a number"),
        };
    }

    /// <summary>A node's answer is outside input: a string or list where an object belongs is refused by name, not met with an InvalidOperationException (found by the fuzz suite).</summary>
    internal static void RequireObject(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new CairnException($"Ethereum JSON {what} is {element.ValueKind}, not an object");
    }

    private static string Lower(string value) => value.ToLowerInvariant();
}
