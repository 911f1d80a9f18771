namespace Cairn.Storage;

/// <summary>
/// Test hook for kill-safety tests: when the environment variable <c>CAIRN_TEST_PAUSE_AT</c>
/// names a point, the process announces it on stderr and waits there to be killed. Unset in
/// normal use, so each call is one environment lookup.
/// </summary>
public static class CrashPoints
{
    public const string Variable = "CAIRN_TEST_PAUSE_AT";

    public static void Reach(string point)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(Variable), point, StringComparison.Ordinal)) return;
        Console.Error.WriteLine($"paused at {point}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
