using Cairn.Chains.Ethereum.Encoding;
using FsCheck;
using FsCheck.Fluent;

namespace Cairn.Chains.Ethereum.Tests.Differential;

/// <summary>Random RLP trees: byte strings of every length class (0, 1, 55, 56, long) and nested lists.</summary>
internal static class Generators
{
    public static Gen<RlpItem> RlpTrees() => Gen.Sized(size => Tree(Math.Min(size, 6)));

    private static Gen<RlpItem> Tree(int depth)
    {
        var strings = Gen.OneOf(
                Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n)),
                Gen.Choose(50, 60).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n)),
                Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n)))
            .Select(RlpItem.String);
        return depth <= 0
            ? strings
            : Gen.Frequency((3, strings), (1, Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Tree(depth - 1), n)).Select(items => RlpItem.List(items.ToArray()))));
    }
}
