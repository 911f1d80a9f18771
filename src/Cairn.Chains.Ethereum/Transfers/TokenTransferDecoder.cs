using System.Numerics;
using Cairn.Chains.Ethereum.Encoding;
using Cairn.Chains.Ethereum.Model;

namespace Cairn.Chains.Ethereum.Transfers;

/// <summary>
/// Decodes <c>Transfer(address,address,uint256)</c> event logs. EIP-20 and EIP-721 share the
/// signature and topic0 (keccak256 = 0xddf252ad…); they differ in what is indexed:
/// EIP-20 indexes from and to (3 topics, value in data), EIP-721 also indexes the token id
/// (4 topics, no data). Like ethereum-etl, topics after topic0 and the data words are read as one
/// sequence of 32-byte words, so early tokens that indexed nothing (1 topic, 3 data words) decode
/// too; those are treated as fungible.
/// </summary>
public static class TokenTransferDecoder
{
    public const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    public static bool TryDecode(EthLog log, out ValueTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(log);
        transfer = null!;
        if (log.Topics.Count == 0 || !string.Equals(log.Topics[0], TransferTopic, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] data;
        try
        {
            data = Hex.ToBytes(log.Data);
        }
        catch (Core.CairnException)
        {
            return false;
        }
        if (data.Length % 32 != 0) return false;
        var words = new List<byte[]>();
        for (var i = 1; i < log.Topics.Count; i++)
        {
            var topic = Hex.ToBytes(log.Topics[i]);
            if (topic.Length != 32) return false;
            words.Add(topic);
        }
        for (var offset = 0; offset < data.Length; offset += 32) words.Add(data[offset..(offset + 32)]);
        if (words.Count != 3) return false;
        if (!IsAddressWord(words[0]) || !IsAddressWord(words[1])) return false;
        var from = Hex.ToHex(words[0].AsSpan(12));
        var to = Hex.ToHex(words[1].AsSpan(12));
        var amount = Hex.ToUnsigned(words[2]);
        transfer = log.Topics.Count == 4
            ? new ValueTransfer(TransferKind.Erc721, from, to, log.Address, BigInteger.One, amount, log.TransactionHash, log.BlockNumber, log.LogIndex)
            : new ValueTransfer(TransferKind.Erc20, from, to, log.Address, amount, null, log.TransactionHash, log.BlockNumber, log.LogIndex);
        return true;
    }

    public static IEnumerable<ValueTransfer> DecodeAll(IEnumerable<EthLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        foreach (var log in logs)
            if (TryDecode(log, out var transfer)) yield return transfer;
    }

    // An ABI-encoded address is 12 zero bytes then 20 address bytes; anything else is not an address.
    private static bool IsAddressWord(byte[] word) => word.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
}
