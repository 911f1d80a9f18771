using System.Text;
using Cairn.Cases.Evidence;

namespace Cairn.Cases.Tests.Evidence;

public class SafeFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\evidence\\shot.png", "shot.png")]
    [InlineData("..", "file")]
    [InlineData(" .hidden. ", "hidden")]
    public void From_KeepsOneHarmlessSegment(string name, string expected) => Assert.Equal(expected, SafeFileName.From(name));

    [Fact]
    public void From_BoundsTheNameInUtf8Bytes_AtAWholeCharacter_SoEveryFileSystemTakesIt()
    {
        // 199 euro signs (3 bytes each) and an emoji (4 bytes, a surrogate pair): within 200 characters, 601 bytes.
        var name = new string('\u20ac', 199) + "\ud83d\ude00";

        var safe = SafeFileName.From(name);

        Assert.True(Encoding.UTF8.GetByteCount(safe) <= 200);
        Assert.Equal(new string('\u20ac', 66), safe);
        Assert.Equal(new string('a', 200), SafeFileName.From(new string('a', 300)));
    }
}
