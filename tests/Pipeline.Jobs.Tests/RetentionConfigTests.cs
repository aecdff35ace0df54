using Pipeline.Core.Configuration;
using Pipeline.Jobs.Feeds;

namespace Pipeline.Jobs.Tests;

/// <summary>config/retention.json: the days a superseded feed's staged rows are kept, read by the one configuration reader.</summary>
public sealed class RetentionConfigTests
{
    [Theory]
    [InlineData("""{ "staged_rows_retention_days": 7 }""", 7)]
    [InlineData("""{ "staged_rows_retention_days": 0, }""", 0)]
    [InlineData("""{ "//": "a comment" }""", 30)]
    [InlineData("""{ "staged_rows_retention_days": 36500 }""", 36_500)]
    public void A_valid_file_gives_its_days_or_the_default(string json, int days) =>
        Assert.Equal(TimeSpan.FromDays(days), RetentionConfig.Parse(json, "retention.json"));

    [Fact]
    public void No_folder_or_no_file_is_the_default_30_days()
    {
        Assert.Equal(TimeSpan.FromDays(30), RetentionConfig.FromDirectory(null));
        var empty = Directory.CreateTempSubdirectory("pipeline-retention-");
        try { Assert.Equal(TimeSpan.FromDays(30), RetentionConfig.FromDirectory(empty.FullName)); }
        finally { empty.Delete(); }
    }

    [Theory]
    [InlineData("""{ "staged_rows_retention_days": -1 }""", "config/retention.json: staged_rows_retention_days: must be from 0 to 36500 days (not -1)")]
    [InlineData("""{ "staged_rows_retention_days": "30" }""", "config/retention.json: staged_rows_retention_days: ")]
    [InlineData("""{ "staged_row_retention_days": 30 }""", "config/retention.json: staged_row_retention_days: ")]
    [InlineData("""[30]""", "config/retention.json: ")]
    public void A_bad_file_is_one_configuration_error_naming_file_and_setting(string json, string expected)
    {
        var ex = Assert.Throws<ConfigException>(() => RetentionConfig.Parse(json, "config/retention.json"));
        Assert.StartsWith(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
