using Pipeline.Core.Configuration;
using Pipeline.Warehouse.Feeds;

namespace Pipeline.Jobs.Feeds;

/// <summary>
/// <c>config/retention.json</c> (optional; docs/feeds.md "Retention"): how long the staged rows of a superseded feed
/// are kept before <see cref="StagedRowsPurge"/> removes them. Absent: <see cref="StagedRowsPurge.DefaultRetention"/>
/// (30 days). 0 removes them at the first run after the feed is superseded.
/// </summary>
/// <example>{ "staged_rows_retention_days": 30 }</example>
public static class RetentionConfig
{
    public const string FileName = "retention.json";

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the setting.</exception>
    public static TimeSpan FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return StagedRowsPurge.DefaultRetention;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : StagedRowsPurge.DefaultRetention;
    }

    /// <exception cref="ConfigException">The text is not valid; the message names <paramref name="origin"/> and the setting.</exception>
    public static TimeSpan Parse(string json, string origin)
    {
        var file = ConfigFile.Parse<RetentionFile>(json, origin);
        var days = ConfigSetting.Root(origin)["staged_rows_retention_days"]
            .InRange(file.StagedRowsRetentionDays ?? (int)StagedRowsPurge.DefaultRetention.TotalDays, 0, 36_500, "days");
        return TimeSpan.FromDays(days);
    }

    private sealed record RetentionFile(int? StagedRowsRetentionDays);
}
