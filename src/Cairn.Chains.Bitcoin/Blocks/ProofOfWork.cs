using System.Numerics;

namespace Cairn.Chains.Bitcoin;

/// <summary>Proof-of-work arithmetic on the compact "nBits" target encoding (arith_uint256::SetCompact, chain.cpp GetBlockProof).</summary>
public static class ProofOfWork
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <summary>Expands nBits: the low 23 bits are the mantissa, the high byte a base-256 exponent. Negative or overflowing targets give zero.</summary>
    public static BigInteger TargetFromBits(uint bits)
    {
        var exponent = (int)(bits >> 24);
        var mantissa = bits & 0x007fffff;
        if ((bits & 0x00800000) != 0 && mantissa != 0) return BigInteger.Zero; // negative target
        BigInteger target = exponent <= 3 ? mantissa >> (8 * (3 - exponent)) : (BigInteger)mantissa << (8 * (exponent - 3));
        return target >= TwoTo256 ? BigInteger.Zero : target;
    }

    /// <summary>Work of one block with this target: 2^256 / (target + 1); zero for an invalid target.</summary>
    public static BigInteger WorkFromBits(uint bits)
    {
        var target = TargetFromBits(bits);
        return target.IsZero ? BigInteger.Zero : TwoTo256 / (target + 1);
    }
}
