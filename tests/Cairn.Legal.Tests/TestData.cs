using Cairn.Legal.Loading;
using Cairn.Legal.Reference;

namespace Cairn.Legal.Tests;

/// <summary>Shared fixtures: the embedded reference data and a fixed clock.</summary>
internal static class TestData
{
    public static LegalReference Reference => LegalDataLoader.LoadEmbedded();

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
}

/// <summary>A TimeProvider frozen at a given instant, moved by tests.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
