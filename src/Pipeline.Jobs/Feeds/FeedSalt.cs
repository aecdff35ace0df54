using System.Security.Cryptography;

namespace Pipeline.Jobs.Feeds;

/// <summary>
/// The secret salt that personal data in company lists is hashed with (see <c>PersonalData</c>): the same salt
/// gives the same key for the same codice fiscale, so keys can be joined across loads without storing the code.
/// <c>$PIPELINE_FEED_SALT</c> when set (every node of a cluster must share it); otherwise a random salt kept in
/// <c>DATA/feed-salt</c> (DATA = <c>$PIPELINE_DATA_DIR</c>, else <c>./data</c>), made on first use, readable by its
/// owner only.
/// </summary>
public static class FeedSalt
{
    public const string Variable = "PIPELINE_FEED_SALT";

    public static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } salt) return salt;
        var dir = Environment.GetEnvironmentVariable("PIPELINE_DATA_DIR") is { Length: > 0 } d ? d : "data";
        var path = Path.Combine(dir, "feed-salt");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } existing) return existing;
        Directory.CreateDirectory(dir);
        var made = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(made);
            return made;
        }
        catch (IOException) when (File.Exists(path))
        {
            // another process made it first
            return File.ReadAllText(path).Trim();
        }
    }
}
