using Cairn.Development.Fuzzing;

namespace Cairn.Development.Tests.Fuzzing;

public sealed class MutatorTests
{
    private static readonly IReadOnlyList<byte[]> Seeds = ["{\"a\": [1, 2, \"three\"], \"b\": {\"c\": null}}"u8.ToArray(), "plain text\nsecond line"u8.ToArray()];

    [Theory]
    [InlineData(FuzzInputKind.Binary)]
    [InlineData(FuzzInputKind.Text)]
    [InlineData(FuzzInputKind.Json)]
    [InlineData(FuzzInputKind.Yaml)]
    public void TheSameSeed_GivesTheSameCases(FuzzInputKind kind)
    {
        var first = new Mutator(Seeds, kind, 42);
        var second = new Mutator(Seeds, kind, 42);
        var third = new Mutator(Seeds, kind, 43);

        var a = Enumerable.Range(0, 300).Select(_ => Convert.ToHexString(first.Next())).ToList();
        var b = Enumerable.Range(0, 300).Select(_ => Convert.ToHexString(second.Next())).ToList();
        var c = Enumerable.Range(0, 300).Select(_ => Convert.ToHexString(third.Next())).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(a.Distinct().Count() > 200, "cases should mostly differ");
    }

    [Fact]
    public void Minimiser_KeepsOnlyWhatMakesTheFailure()
    {
        var input = "aaaaaaaaaaXbbbbbbbbbbYcccccccccc"u8.ToArray();

        var minimised = Minimiser.Minimise(input, candidate => candidate.Contains((byte)'X') && candidate.Contains((byte)'Y'));

        Assert.Equal("XY"u8.ToArray(), minimised);
    }

    [Fact]
    public void Runner_ReportsACrash_AndAHang_AsFindings()
    {
        var crashing = new FuzzTarget("crashing", "throws on a zero byte", FuzzInputKind.Binary, [[1, 2, 3, 4]], input =>
        {
            if (input.Contains((byte)0)) throw new InvalidOperationException("boom");
            if (input.Length > 6) throw new Core.CairnException("too long");
        });
        var hanging = new FuzzTarget("hanging", "never returns on 0xff", FuzzInputKind.Binary, [[1, 2, 3, 4]], input =>
        {
            if (input.Contains((byte)0xff)) Thread.Sleep(Timeout.Infinite);
        });

        var crash = FuzzRunner.Run(crashing, 2000, 1, TimeSpan.FromSeconds(5));
        var hang = FuzzRunner.Run(hanging, 2000, 1, TimeSpan.FromMilliseconds(300));

        var finding = Assert.Single(crash.Findings);
        Assert.Equal("crash", finding.Kind);
        Assert.Equal([0], finding.Minimised);
        Assert.True(crash.Refused > 0);
        Assert.Equal("hang", Assert.Single(hang.Findings).Kind);
    }

    [Fact]
    public void Runner_RunsACaseOverTheLimitAgain_AndCallsItAHangOnlyWhenItStaysStuck()
    {
        // Slow once (as on a loaded machine), then within the longer limit of the confirmation run: not a finding.
        var slowOnce = 0;
        var slow = new FuzzTarget("slow", "slow on its first 0xff", FuzzInputKind.Binary, [[1, 2, 3, 4]], input =>
        {
            if (input.Contains((byte)0xff) && Interlocked.Increment(ref slowOnce) == 1) Thread.Sleep(400);
        });

        var report = FuzzRunner.Run(slow, 2000, 1, TimeSpan.FromMilliseconds(200));

        Assert.True(slowOnce >= 1, "no case met the slow input");
        Assert.Empty(report.Findings);
        Assert.Equal(2000, report.Cases);
    }
}
