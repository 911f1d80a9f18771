using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cairn.Bench.Tracing;

/// <summary>
/// CPU time of the calling thread in milliseconds (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>,
/// nanosecond resolution), so that a trace of a few milliseconds can be timed without the time the
/// thread waited for a core on a loaded machine. Elsewhere it falls back to the wall clock and says so.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static bool IsThreadCpuTime { get; } = OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out _) == 0;

    public static double NowMilliseconds()
    {
        if (!IsThreadCpuTime) return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        ClockGetTime(ClockThreadCpuTimeId, out var time);
        return time.Seconds * 1000.0 + time.Nanoseconds / 1e6;
    }
}
