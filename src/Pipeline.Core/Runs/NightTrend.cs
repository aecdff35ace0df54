namespace Pipeline.Core.Runs;

/// <summary>
/// How a night's cost per chamber grows along the night: the mean time per chamber of the last ten chambers run
/// over the mean of the first ten (with fewer than twenty chambers the two groups overlap; with fewer than ten
/// both are all of them, so the trend is 1). Work that grows with the warehouse shows as a trend above 1.
/// </summary>
public static class NightTrend
{
    public const int Window = 10;

    /// <summary>The trend of the chambers' times in the order they ran; 1 for none, or when the first ten took no time.</summary>
    public static double Of(IReadOnlyList<TimeSpan> perChamber)
    {
        ArgumentNullException.ThrowIfNull(perChamber);
        if (perChamber.Count == 0) return 1;
        var window = Math.Min(Window, perChamber.Count);
        var first = perChamber.Take(window).Average(t => t.TotalSeconds);
        var last = perChamber.Skip(perChamber.Count - window).Average(t => t.TotalSeconds);
        return first > 0 ? last / first : 1;
    }
}
