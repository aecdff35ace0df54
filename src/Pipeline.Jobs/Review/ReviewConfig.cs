using Pipeline.Core.Configuration;
using Pipeline.Core.Review;

namespace Pipeline.Jobs.Review;

/// <summary>
/// <c>config/review.json</c> (optional; docs/review.md): when a new version of a document is held for review instead
/// of superseding the current one. Absent: <see cref="ReviewThresholds.Default"/>.
/// </summary>
/// <example>{ "max_loss_share": 0.2, "max_unmatched_kpis": 0, "hold_on_new_warnings": true }</example>
public static class ReviewConfig
{
    public const string FileName = "review.json";

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the setting.</exception>
    public static ReviewThresholds FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return ReviewThresholds.Default;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : ReviewThresholds.Default;
    }

    /// <exception cref="ConfigException">The text is not valid; the message names <paramref name="origin"/> and the setting.</exception>
    public static ReviewThresholds Parse(string json, string origin)
    {
        var file = ConfigFile.Parse<ReviewFile>(json, origin);
        var root = ConfigSetting.Root(origin);
        var defaults = ReviewThresholds.Default;
        return new ReviewThresholds
        {
            MaxLossShare = root["max_loss_share"].InRange(file.MaxLossShare ?? defaults.MaxLossShare, 0m, 1m, "(a share: 0.2 is 20 %)"),
            MaxUnmatchedKpis = root["max_unmatched_kpis"].InRange(file.MaxUnmatchedKpis ?? defaults.MaxUnmatchedKpis, 0, int.MaxValue),
            HoldOnNewWarnings = file.HoldOnNewWarnings ?? defaults.HoldOnNewWarnings,
        };
    }

    private sealed record ReviewFile(decimal? MaxLossShare, int? MaxUnmatchedKpis, bool? HoldOnNewWarnings);
}
