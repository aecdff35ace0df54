using System.Text.Json;
using System.Text.Json.Serialization;
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

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

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
        ReviewFile file;
        try
        {
            file = JsonSerializer.Deserialize<ReviewFile>(json, Options) ?? throw new ConfigException($"{origin}: expected an object");
        }
        catch (JsonException ex)
        {
            var setting = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at '{ex.Path.TrimStart('$', '.')}'";
            throw new ConfigException($"{origin}: not valid{setting} ({ex.Message.Split('.')[0]})", ex);
        }
        var defaults = ReviewThresholds.Default;
        var share = file.MaxLossShare ?? defaults.MaxLossShare;
        if (share is < 0 or > 1)
            throw new ConfigException($"{origin}: 'max_loss_share' must be a share between 0 and 1 (0.2 is 20 %), not {share}");
        var unmatched = file.MaxUnmatchedKpis ?? defaults.MaxUnmatchedKpis;
        if (unmatched < 0)
            throw new ConfigException($"{origin}: 'max_unmatched_kpis' must be 0 or more, not {unmatched}");
        return new ReviewThresholds { MaxLossShare = share, MaxUnmatchedKpis = unmatched, HoldOnNewWarnings = file.HoldOnNewWarnings ?? defaults.HoldOnNewWarnings };
    }

    private sealed record ReviewFile(
        decimal? MaxLossShare, int? MaxUnmatchedKpis, bool? HoldOnNewWarnings, [property: JsonPropertyName("//")] string? Comment);
}
