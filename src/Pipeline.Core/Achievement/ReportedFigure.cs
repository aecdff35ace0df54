namespace Pipeline.Core.Achievement;

/// <summary>The flag the pages put on a figure a document prints (the Relazione's) that the computation does not reproduce.</summary>
public static class ReportedFigure
{
    /// <summary>A reported figure differs from the computed one by more than this (percentage points: the Relazione prints two decimals).</summary>
    public const decimal Tolerance = 0.01m;

    /// <summary>True when a figure is reported and the computed one is missing or further than <see cref="Tolerance"/> from it.</summary>
    public static bool Differs(decimal? computed, decimal? reported) =>
        reported is { } r && (computed is not { } c || Math.Abs(c - r) > Tolerance);
}
