using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Chains.Bitcoin.Tests.Properties;

/// <summary>FsCheck generators for well-formed transactions and address payloads.</summary>
internal static class Generators
{
    public static readonly Gen<byte> Byte = Gen.Choose(0, 255).Select(i => (byte)i);

    public static readonly Gen<uint> UInt = Gen.Choose(int.MinValue, int.MaxValue).Select(i => unchecked((uint)i));

    public static readonly Gen<long> Satoshi =
        from high in Gen.Choose(0, int.MaxValue)
        from low in UInt
        select ((long)high << 32 | low) % 2_100_000_000_000_000L;

    public static Gen<byte[]> Bytes(int count) => Gen.ArrayOf(Byte, count);

    // Mostly short scripts, sometimes long enough to need the 3-byte compact size (≥ 253).
    public static readonly Gen<byte[]> Script = Gen.Frequency(
        (8, Gen.Choose(0, 40).SelectMany(Bytes)),
        (1, Gen.Choose(250, 600).SelectMany(Bytes)));

    public static readonly Gen<Hash256> Hash = Bytes(32).Select(b => Hash256.FromWire(b));

    public static readonly Gen<IReadOnlyList<byte[]>?> Witness = Gen.Frequency(
        (1, Gen.Constant<IReadOnlyList<byte[]>?>(null)),
        (1, Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Script, n)).Select(items => (IReadOnlyList<byte[]>?)items)));

    public static readonly Gen<TxIn> Input =
        from txId in Hash
        from index in UInt
        from scriptSig in Script
        from sequence in UInt
        from witness in Witness
        select new TxIn(new OutPoint(txId, index), scriptSig, sequence, witness);

    public static readonly Gen<TxOut> Output =
        from value in Satoshi
        from script in Script
        select new TxOut(value, script);

    /// <summary>
    /// Transactions with at least one input: a zero-input legacy transaction is ambiguous
    /// with the BIP144 marker and Bitcoin Core cannot round-trip it either.
    /// </summary>
    public static readonly Gen<Transaction> Transaction =
        from version in Gen.Choose(int.MinValue, int.MaxValue)
        from inputCount in Gen.Choose(1, 6)
        from inputs in Gen.ArrayOf(Input, inputCount)
        from outputCount in Gen.Choose(0, 6)
        from outputs in Gen.ArrayOf(Output, outputCount)
        from lockTime in UInt
        select new Transaction(version, inputs, outputs, lockTime);

    /// <summary>A witness version 0..16 with a program length valid for it (BIP141/BIP350).</summary>
    public static readonly Gen<(int Version, byte[] Program)> WitnessProgram =
        from version in Gen.Choose(0, 16)
        from length in version == 0 ? Gen.Elements(20, 32) : Gen.Choose(2, 40)
        from program in Bytes(length)
        select (version, program);

    public static readonly Gen<Network> AnyNetwork = Gen.Elements(Network.All.ToArray());
}
