using System.Globalization;
using Pipeline.Core.Values;

namespace Pipeline.Web.Queries;

/// <summary>Timestamps as the warehouse returns them (ISO text on SQLite, a timestamp on PostgreSQL) to Italian text in the pages' zone.</summary>
public static class Moments
{
    public static DateTimeOffset? Parse(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;

    /// <summary>"15/08/2021 07:00" in <paramref name="zone"/>; the text as given when it is not a timestamp; "-" for none.</summary>
    public static string Italian(string? iso, TimeZoneInfo zone) =>
        Parse(iso) is { } moment ? ItalianFormat.DateTime(moment, zone) : iso ?? "-";
}
