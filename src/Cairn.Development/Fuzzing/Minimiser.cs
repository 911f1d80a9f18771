namespace Cairn.Development.Fuzzing;

/// <summary>
/// Shrinks a failing input while it keeps failing the same way: removes chunks of halving size
/// (delta debugging, Zeller and Hildebrandt 2002, "Simplifying and Isolating Failure-Inducing
/// Input"), then tries zeroing single bytes. Bounded in attempts, so a slow target still finishes.
/// </summary>
public static class Minimiser
{
    public static byte[] Minimise(byte[] input, Func<byte[], bool> stillFails, int maxAttempts = 2000)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stillFails);
        var current = input;
        var attempts = 0;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && attempts < maxAttempts; chunk /= 2)
        {
            var removed = true;
            while (removed && attempts < maxAttempts)
            {
                removed = false;
                for (var start = 0; start < current.Length && attempts < maxAttempts; start += chunk)
                {
                    var length = Math.Min(chunk, current.Length - start);
                    var candidate = new byte[current.Length - length];
                    current.AsSpan(0, start).CopyTo(candidate);
                    current.AsSpan(start + length).CopyTo(candidate.AsSpan(start));
                    attempts++;
                    if (stillFails(candidate))
                    {
                        current = candidate;
                        removed = true;
                        break;
                    }
                }
            }
            if (chunk == 1) break;
        }
        return current;
    }
}
