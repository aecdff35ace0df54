using System.Globalization;

namespace Pipeline.Warehouse.Dialects;

/// <summary>A TIMESTAMPTZ column read back: a DateTime or DateTimeOffset from PostgreSQL, ISO-8601 text from SQLite.</summary>
public static class DbTimestamp
{
    public static DateTimeOffset Read(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidDataException($"a timestamp column holds {value.GetType().Name}"),
    };
}
