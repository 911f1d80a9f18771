using Cairn.Chains.Ethereum.Crypto;

namespace Cairn.Chains.Ethereum.Tests.Crypto;

public class Keccak256Tests
{
    // Published Keccak-256 digests (original Keccak padding, as Ethereum uses): the empty string
    // and "abc" appear in the Keccak team's KAT files and EIP/solidity docs; the 56-byte, 112-byte
    // and one-million-'a' messages are the classic NIST-style long vectors for Keccak-256.
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "45d3b367a6904e6e8d502ee04999a7c27647f91fa845d456525fd352ae3d7371")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "f519747ed599024f3882238e5ab43960132572b7345fbeb9a90769dafd21ad67")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Hash_PublishedVector_MatchesDigest(string message, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(message)));

    [Fact]
    public void Hash_OneMillionA_MatchesPublishedDigest() =>
        Assert.Equal("fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96", Convert.ToHexStringLower(Keccak256.Hash(new string('a', 1_000_000))));

    // Around the 136-byte rate: one byte short, exactly one block (padding needs a whole extra
    // block), one byte over, two blocks. Digests cross-checked with an independent implementation
    // (ethereumjs via Ganache's web3_sha3); NodeKeccakTests repeats that check live.
    [Theory]
    [InlineData(135, "34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446")]
    [InlineData(136, "a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e")]
    [InlineData(137, "d869f639c7046b4929fc92a4d988a8b22c55fbadb802c0c66ebcd484f1915f39")]
    [InlineData(272, "cf7fcd4f705ee749930d19ca84561a9bf62516bd90a471545fa2f49fdc7e63c8")]
    public void Hash_InputsAroundTheRateBoundary_MatchDigests(int length, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(new string('a', length))));

    [Fact]
    public void Hash_TransferEventSignature_IsTheErc20Topic() =>
        Assert.Equal("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Convert.ToHexStringLower(Keccak256.Hash("Transfer(address,address,uint256)")));
}
