namespace Cairn.Chains.Bitcoin.Tests.Scripts;

public class ScriptClassifierTests
{
    [Theory]
    [InlineData("76a914a31c06bd463e3923bc1aadbde48b16976c08071788ac", ScriptType.P2PKH)]
    [InlineData("a914373b819a068f32b7a6b38b6b38729647cfde01c287", ScriptType.P2SH)]
    [InlineData("0014751e76e8199196d454941c45d1b3a323f1433bd6", ScriptType.P2WPKH)]
    [InlineData("00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262", ScriptType.P2WSH)]
    [InlineData("512053a1f6e454df1aa2776a2814a721372d6258050de330b3c6d10ee8f4e0dda343", ScriptType.P2TR)]
    [InlineData("5210751e76e8199196d454941c45d1b3a323", ScriptType.WitnessUnknown)]
    [InlineData("51024e73", ScriptType.WitnessUnknown)] // pay-to-anchor (OP_1 <0x4e73>)
    [InlineData("6a", ScriptType.NullData)]
    [InlineData("6a0b68656c6c6f20776f726c64", ScriptType.NullData)]
    [InlineData("6a4c0161", ScriptType.NullData)]
    [InlineData("6aac", ScriptType.NonStandard)] // OP_RETURN followed by a non-push
    [InlineData("6a05aabb", ScriptType.NonStandard)] // push runs past the end
    [InlineData("2102a1633cafcc01ebfb6d78e39f687a1f0995c62fc95f51ead10a02ee0be551b5dcac", ScriptType.P2PK)]
    [InlineData("2105a1633cafcc01ebfb6d78e39f687a1f0995c62fc95f51ead10a02ee0be551b5dcac", ScriptType.NonStandard)] // bad key prefix
    [InlineData("512102a1633cafcc01ebfb6d78e39f687a1f0995c62fc95f51ead10a02ee0be551b5dc2103a1633cafcc01ebfb6d78e39f687a1f0995c62fc95f51ead10a02ee0be551b5dc52ae", ScriptType.Multisig)]
    [InlineData("532102a1633cafcc01ebfb6d78e39f687a1f0995c62fc95f51ead10a02ee0be551b5dc2103a1633cafcc01ebfb6d78e39f687a1f0995c62fc95f51ead10a02ee0be551b5dc52ae", ScriptType.NonStandard)] // 3-of-2
    [InlineData("0012751e76e8199196d454941c45d1b3a323f143", ScriptType.NonStandard)] // v0 program of 18 bytes
    [InlineData("", ScriptType.NonStandard)]
    [InlineData("00", ScriptType.NonStandard)]
    public void Classify_RecognisesEachTemplate(string scriptHex, ScriptType expected)
    {
        Assert.Equal(expected, ScriptClassifier.Classify(Convert.FromHexString(scriptHex)));
    }

    [Fact]
    public void Classify_DoesNotAllocate()
    {
        var scripts = new[]
        {
            Convert.FromHexString("76a914a31c06bd463e3923bc1aadbde48b16976c08071788ac"),
            Convert.FromHexString("512053a1f6e454df1aa2776a2814a721372d6258050de330b3c6d10ee8f4e0dda343"),
            Convert.FromHexString("6a0b68656c6c6f20776f726c64"),
        };
        ScriptClassifier.Classify(scripts[0]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var i = 0; i < 1000; i++) total += (int)ScriptClassifier.Classify(scripts[i % scripts.Length]);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
