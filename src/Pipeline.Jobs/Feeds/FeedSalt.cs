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

    /// <exception cref="InvalidOperationException">The salt file exists but holds no usable salt (under 16 characters).</exception>
    public static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } salt) return salt;
        return InFolder(Environment.GetEnvironmentVariable("PIPELINE_DATA_DIR") is { Length: > 0 } d ? d : "data");
    }

    /// <summary>The salt kept in <paramref name="dir"/>/feed-salt, made there on first use.</summary>
    /// <exception cref="InvalidOperationException">The salt file exists but holds no usable salt (under 16 characters).</exception>
    public static string InFolder(string dir)
    {
        var path = Path.Combine(dir, "feed-salt");
        // chambers run in parallel threads, and other processes, all resolve the salt as they start: one makes the file
        // (O_EXCL), the others read it; one that finds it still being written (64 characters) reads it again shortly
        lock (Making)
        {
            for (var attempt = 1; ; attempt++)
            {
                if (File.Exists(path))
                {
                    if (File.ReadAllText(path).Trim() is { Length: >= 16 } existing) return existing;
                    if (attempt >= 20)
                        throw new InvalidOperationException($"{path} holds no usable salt (under 16 characters): set ${Variable}, or remove the file if no company list was loaded with it");
                    Thread.Sleep(100);
                    continue;
                }
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
                    // another process made it first: read theirs
                }
            }
        }
    }

    private static readonly object Making = new();
}
