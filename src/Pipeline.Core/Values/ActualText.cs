using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;

namespace Pipeline.Core.Values;

/// <summary>
/// An actual as a document prints it: a number ("21,66 %", "1.234"), yes/no ("SI", "NO"), the date a deadline
/// was met ("28/10/2021"), or a status kept as text ("In corso"). Shared by every extractor.
/// </summary>
public static class ActualText
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>True when the text means "no value": empty, dashes, n.d., NA, N/A, "/", "non disponibile".</summary>
    public static bool IsNoValue(string? text) =>
        ValueText.IsBlankMarker(text) || TextKey.Normalize(text) == "non disponibile";

    /// <summary>The actual for <paramref name="period"/>; <paramref name="raw"/> is kept as printed.</summary>
    public static ExtractedActual Read(string period, string raw, SourceRef? source)
    {
        if (ItalianNumber.Parse(raw) is { } number) return new ExtractedActual(period, raw, number.Value, source);
        var key = TextKey.Normalize(raw);
        if (key is "si" or "no") return new ExtractedActual(period, raw, null, source) { Flag = key == "si" };
        return DateOnly.TryParseExact(raw.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new ExtractedActual(period, raw, null, source) { Date = date }
            : new ExtractedActual(period, raw, null, source);
    }
}
