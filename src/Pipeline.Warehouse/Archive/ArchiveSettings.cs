using Pipeline.Core.Configuration;

namespace Pipeline.Warehouse.Archive;

/// <summary>
/// Where the source archive keeps its bytes (<c>config/archive.json</c>, optional; docs/operations.md "Archive").
/// <see cref="Folder"/> null: the default of the warehouse — on SQLite the folder <c>archive/</c> beside the warehouse
/// file, on PostgreSQL the database itself. A folder given: that folder, on either (on PostgreSQL, a folder every node
/// and the web app mount at the same path). A relative folder is taken from the current directory, as the warehouse's
/// path is; one folder belongs to one warehouse (its clean-up removes what that warehouse does not reference).
/// </summary>
/// <example>{ "folder": "/srv/pipeline/archive" }</example>
public sealed record ArchiveSettings(string? Folder = null)
{
    public const string FileName = "archive.json";

    public static ArchiveSettings Default { get; } = new();

    /// <summary>The settings of <c>archive.json</c> in <paramref name="configDirectory"/>; the defaults when it is absent.</summary>
    /// <exception cref="ConfigException">The file is not valid; the message names the file and the setting.</exception>
    public static ArchiveSettings FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return Default;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Default;
    }

    /// <exception cref="ConfigException">The text is not valid; the message names <paramref name="origin"/> and the setting.</exception>
    public static ArchiveSettings Parse(string json, string origin)
    {
        var file = ConfigFile.Parse<ArchiveFile>(json, origin);
        if (file.Folder is null) return Default;
        var folder = ConfigSetting.Root(origin)["folder"];
        var text = folder.Required(file.Folder, "a folder; leave the setting out for the default");
        try
        {
            return new ArchiveSettings(Path.GetFullPath(text));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw folder.Error($"'{text}' is not a usable path: {ex.Message}", ex);
        }
    }

    private sealed record ArchiveFile(string? Folder);
}
