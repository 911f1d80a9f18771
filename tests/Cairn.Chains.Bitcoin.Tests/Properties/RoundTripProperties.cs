using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Chains.Bitcoin.Tests.Properties;

public class RoundTripProperties
{
    [Fact]
    public void Transaction_SerializeParseSerialize_IsIdentity()
    {
        var property = Prop.ForAll(Generators.Transaction.ToArbitrary(), transaction =>
        {
            var bytes = transaction.Serialize();
            var parsed = Transaction.Parse(bytes);
            return parsed.Serialize().AsSpan().SequenceEqual(bytes)
                && parsed.TxId == transaction.TxId
                && parsed.WitnessTxId == transaction.WitnessTxId
                && parsed.HasWitness == transaction.HasWitness
                && parsed.Weight == transaction.Weight
                && Transaction.Parse(transaction.Serialize(withWitness: false)).TxId == transaction.TxId;
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void Block_OfRandomTransactions_RoundTripsAndItsMerkleRootMatches()
    {
        var blocks =
            from transactions in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Generators.Transaction, n))
            from previous in Generators.Hash
            from time in Generators.UInt
            select new Block(
                new BlockHeader(4, previous, MerkleTree.ComputeRoot(transactions.Select(t => t.TxId).ToArray()), time, 0x1d00ffff, 0),
                transactions);
        var property = Prop.ForAll(blocks.ToArbitrary(), block =>
        {
            var parsed = Block.Parse(block.Serialize());
            return parsed.Hash == block.Hash && parsed.MerkleRootMatches && parsed.Serialize().AsSpan().SequenceEqual(block.Serialize());
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void SegwitAddress_EncodeDecode_GivesTheSameProgram()
    {
        var cases = Generators.WitnessProgram.Zip(Generators.AnyNetwork);
        var property = Prop.ForAll(cases.ToArbitrary(), pair =>
        {
            var ((version, program), network) = pair;
            var address = Bech32.EncodeSegwitAddress(network.Bech32Hrp, version, program);
            var decoded = AddressCodec.Decode(address, network);
            return decoded.WitnessVersion == version
                && decoded.ScriptPubKey.AsSpan(2).SequenceEqual(program)
                && AddressCodec.FromScript(decoded.ScriptPubKey, network) == address
                && AddressCodec.Decode(address.ToUpperInvariant(), network).ScriptPubKey.AsSpan().SequenceEqual(decoded.ScriptPubKey);
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void Base58Address_ScriptToAddressToScript_IsIdentity()
    {
        var cases =
            from hash in Generators.Bytes(20)
            from scriptHash in Gen.Elements(false, true)
            from network in Generators.AnyNetwork
            select (Script: scriptHash ? PayToScriptHash(hash) : PayToPubKeyHash(hash), Network: network);
        var property = Prop.ForAll(cases.ToArbitrary(), pair =>
        {
            var address = AddressCodec.FromScript(pair.Script, pair.Network)!;
            return AddressCodec.Decode(address, pair.Network).ScriptPubKey.AsSpan().SequenceEqual(pair.Script);
        });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void Base58_DecodeEncode_IsIdentity()
    {
        var property = Prop.ForAll(Gen.Choose(0, 64).SelectMany(Generators.Bytes).ToArbitrary(), bytes =>
            Base58.Decode(Base58.Encode(bytes)).AsSpan().SequenceEqual(bytes));
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void SingleFlippedCharacter_IsCaughtByTheBech32Checksum()
    {
        var cases = Generators.WitnessProgram.Zip(Gen.Choose(0, 1000));
        var property = Prop.ForAll(cases.ToArbitrary(), pair =>
        {
            var ((version, program), position) = pair;
            var address = Bech32.EncodeSegwitAddress("bc", version, program).ToCharArray();
            var index = 3 + position % (address.Length - 3); // a data or checksum character
            address[index] = address[index] == 'q' ? 'p' : 'q';
            return !AddressCodec.TryDecode(new string(address), Network.Main, out _);
        });
        Check.QuickThrowOnFailure(property);
    }

    private static byte[] PayToScriptHash(byte[] hash) => [0xa9, 20, .. hash, 0x87];

    private static byte[] PayToPubKeyHash(byte[] hash) => [0x76, 0xa9, 20, .. hash, 0x88, 0xac];
}
