namespace Cairn.TestSupport;

/// <summary>A clock the test moves by hand (each reading advances it by one millisecond so times stay distinct).</summary>
public sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now;

    public ManualTime(DateTimeOffset start)
    {
        _now = start;
    }

    public static ManualTime Default() => new(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            _now = _now.AddMilliseconds(1);
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (this) _now += by;
    }
}
