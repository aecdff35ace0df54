namespace Pipeline.Warehouse.Archive;

/// <summary>
/// An archive key is a sha256 in 64 lower-case hex digits, nothing else: it names a file of the folder store, so a
/// key that is not one (from a URL, say) is refused before it can become a path.
/// </summary>
internal static class ArchiveKey
{
    public static bool TryNormalize(string? sha256, out string key)
    {
        key = "";
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigit)) return false;
        key = sha256.ToLowerInvariant();
        return true;
    }

    public static string Normalize(string sha256) =>
        TryNormalize(sha256, out var key) ? key : throw new ArgumentException($"'{sha256}' is not a sha256 (64 hex digits)", nameof(sha256));
}
