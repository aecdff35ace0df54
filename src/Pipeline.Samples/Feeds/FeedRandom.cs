namespace Pipeline.Samples.Feeds;

/// <summary>
/// SplitMix64: a small pseudo-random generator whose sequence is fixed by its definition (unlike
/// <see cref="System.Random"/>, whose algorithm may change between .NET versions), so that the same seed gives the
/// same feed on every runtime and platform. Draws use integer arithmetic only.
/// </summary>
internal sealed class FeedRandom
{
    private ulong _state;

    public FeedRandom(ulong seed) => _state = seed;

    /// <summary>A generator for one independent stream of a seed (the stream number keeps streams apart).</summary>
    public static FeedRandom For(int seed, ulong stream) => new(Mix((ulong)(uint)seed, stream));

    /// <summary>A well-mixed 64-bit value of two inputs (one SplitMix64 step over their combination).</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        var random = new FeedRandom(a * 0x9E3779B97F4A7C15UL ^ (b + 0xD1B54A32D192ED03UL));
        random.Next();
        return random.Next();
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [0, <paramref name="bound"/>) (Lemire's multiply-shift; the bias is below 2^-32).</summary>
    public int Below(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "must be positive");
        return (int)Math.BigMul(Next(), (ulong)bound, out _);
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability <paramref name="perMillion"/> / 1,000,000.</summary>
    public bool Chance(int perMillion) => Below(1_000_000) < perMillion;

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An index drawn with the given integer weights (at least one positive).</summary>
    public int Pick(ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var w in weights) total += w;
        var r = Below(total);
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.Length - 1;
    }

    /// <summary>One of <paramref name="items"/>, uniformly.</summary>
    public T Of<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
