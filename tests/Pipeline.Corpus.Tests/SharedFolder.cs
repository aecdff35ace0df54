namespace Pipeline.Corpus.Tests;

/// <summary>
/// Locates the shared folder (fixtures, seeds, corpus) that lives next to the repository:
/// <c>PIPELINE_SHARED</c> when set, else the first <c>shared</c> directory holding
/// <c>fixtures/targets.tsv</c> found walking up from the test binaries.
/// </summary>
public static class SharedFolder
{
    public const string EnvironmentVariable = "PIPELINE_SHARED";

    private static readonly Lazy<string?> Found = new(Locate);

    /// <summary>The shared folder, or null when it cannot be found.</summary>
    public static string? TryGet() => Found.Value;

    /// <summary>The shared folder; fails the calling test with a clear message when it cannot be found.</summary>
    public static string Get() => Found.Value ?? throw new InvalidOperationException(
        $"Shared folder not found: set {EnvironmentVariable} to the folder that contains fixtures/targets.tsv, " +
        $"or place it as 'shared' next to the repository (searched upwards from {AppContext.BaseDirectory}).");

    /// <summary>A path inside the shared folder.</summary>
    public static string File(params string[] parts) => Path.Combine([Get(), .. parts]);

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (System.IO.File.Exists(Path.Combine(candidate, "fixtures", "targets.tsv")))
                return candidate;
        }
        return null;
    }
}
