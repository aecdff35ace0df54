using System.Runtime.CompilerServices;
using Pipeline.Core.Configuration;
using Pipeline.Core.Review;
using Pipeline.Jobs.Review;

namespace Pipeline.Jobs.Tests;

public sealed class ReviewConfigTests
{
    [Fact]
    public void Absent_file_gives_the_defaults()
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-review-");
        try
        {
            Assert.Equal(ReviewThresholds.Default, ReviewConfig.FromDirectory(dir.FullName));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void The_committed_file_reads_and_settings_left_out_keep_their_default()
    {
        Assert.Equal(ReviewThresholds.Default, ReviewConfig.FromDirectory(ConfigDirectory()));
        var partial = ReviewConfig.Parse("""{ "max_loss_share": 0.5 }""", "review.json");
        Assert.Equal(ReviewThresholds.Default with { MaxLossShare = 0.5m }, partial);
        Assert.Equal(new ReviewThresholds { MaxLossShare = 0.1m, MaxUnmatchedKpis = 2, HoldOnNewWarnings = false },
            ReviewConfig.Parse("""{ "max_loss_share": 0.1, "max_unmatched_kpis": 2, "hold_on_new_warnings": false, }""", "review.json"));
    }

    [Theory]
    [InlineData("""{ "max_loss_share": 1.5 }""", "config/review.json: max_loss_share: must be from 0 to 1")]
    [InlineData("""{ "max_unmatched_kpis": -1 }""", "config/review.json: max_unmatched_kpis: must be from 0")]
    [InlineData("""{ "max_loss_share": "a lot" }""", "config/review.json: max_loss_share: ")]
    [InlineData("""{ "max_los_share": 0.2 }""", "config/review.json: max_los_share: ")]
    [InlineData("""[1]""", "config/review.json: ")]
    public void A_bad_file_is_one_configuration_error_naming_file_and_setting(string json, string expected)
    {
        var ex = Assert.Throws<ConfigException>(() => ReviewConfig.Parse(json, "config/review.json"));
        Assert.StartsWith(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private static string ConfigDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "config"));
}
