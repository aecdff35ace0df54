using Pipeline.Warehouse.Dialects;

namespace Pipeline.Web;

/// <summary>What the web app needs from its host (<c>pipeline serve</c>, or a test): the warehouse and the config folder.</summary>
public sealed record WebSettings(SqlDialect Dialect, string ConfigDirectory)
{
    /// <summary>Where <c>pipeline serve</c> listens unless <c>--urls</c> says otherwise: this machine only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The URLs to listen on (<c>--urls</c>); null for a test server.</summary>
    public string? Urls { get; init; }

    /// <summary>The folder of the job definitions (jobs/ beside config/), for "run now".</summary>
    public string JobsDirectory => Pipeline.Jobs.Scheduling.JobDefinitions.DirectoryBeside(ConfigDirectory);

    /// <summary>The time zone pages show moments in.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
}
