using Pipeline.Core.Configuration;
using Pipeline.Warehouse.Archive;

namespace Pipeline.Warehouse.Tests.Archive;

/// <summary>config/archive.json: where the archive keeps its bytes, read by the one configuration reader.</summary>
public sealed class ArchiveSettingsTests
{
    [Theory]
    [InlineData("""{ "folder": "/srv/pipeline/archive" }""", "/srv/pipeline/archive")]
    [InlineData("""{ "folder": "/srv/pipeline/archive/", }""", "/srv/pipeline/archive/")]
    [InlineData("""{ "//": "the default of the warehouse" }""", null)]
    [InlineData("""{ "folder": null }""", null)]
    public void A_valid_file_gives_its_folder_or_the_default(string json, string? folder) =>
        Assert.Equal(folder, ArchiveSettings.Parse(json, "archive.json").Folder);

    [Fact]
    public void A_relative_folder_is_taken_from_the_current_directory() =>
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "shared", "archive"), ArchiveSettings.Parse("""{ "folder": "shared/archive" }""", "archive.json").Folder);

    [Fact]
    public void No_folder_or_no_file_is_the_default()
    {
        Assert.Same(ArchiveSettings.Default, ArchiveSettings.FromDirectory(null));
        var empty = Directory.CreateTempSubdirectory("pipeline-archive-config-");
        try { Assert.Null(ArchiveSettings.FromDirectory(empty.FullName).Folder); }
        finally { empty.Delete(); }
    }

    [Fact]
    public void The_committed_file_is_valid_and_keeps_the_default() =>
        Assert.Null(ArchiveSettings.FromDirectory(RepositoryConfig()).Folder);

    [Theory]
    [InlineData("""{ "folder": "" }""", "config/archive.json: folder: required (a folder; leave the setting out for the default)")]
    [InlineData("""{ "folder": "  " }""", "config/archive.json: folder: required")]
    [InlineData("""{ "folder": 3 }""", "config/archive.json: folder: ")]
    [InlineData("""{ "folders": "/srv/archive" }""", "config/archive.json: folders: ")]
    [InlineData("""{ "folder": "/srv/a\u0000b" }""", "config/archive.json: folder: ")]
    [InlineData("""["/srv/archive"]""", "config/archive.json: ")]
    public void A_bad_file_is_one_configuration_error_naming_file_and_setting(string json, string expected)
    {
        var ex = Assert.Throws<ConfigException>(() => ArchiveSettings.Parse(json, "config/archive.json"));
        Assert.StartsWith(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private static string RepositoryConfig([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "config"));
}
