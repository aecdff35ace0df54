using System.Globalization;

namespace Pipeline.Core.Values;

/// <summary>
/// The one way numbers are written for people, in every human output: the Italian way, whatever the source printed.
/// </summary>
/// <remarks>
/// <para><b>Numbers</b> (<see cref="Number"/>): '.' between thousands, ',' before the decimals, as many decimals as the
/// value has up to two (rounded half away from zero), no trailing zeros: <c>1942.00</c> → <c>1.942</c>,
/// <c>41.80</c> → <c>41,8</c>, <c>112450.5</c> → <c>112.450,5</c>, <c>3.385</c> → <c>3,39</c>, <c>-0.5</c> →
/// <c>-0,5</c>.</para>
/// <para><b>Values with a unit</b> (<see cref="WithUnit"/>): the number, a space, the unit as the document names it:
/// <c>41,8 %</c>, <c>1.942 N.</c>, <c>3,8 gg</c>, <c>263.980 €</c>.</para>
/// <para><b>Achievements and ratios</b> (<see cref="Fixed"/>, <see cref="Percent"/>): a fixed number of decimals, two
/// for achievements as the Relazione prints them: <c>100,00 %</c>, <c>86,67 %</c>; a ratio <c>0,80</c>.</para>
/// <para><b>Targets</b> (<see cref="Target"/>): the operator, a space, the value with its unit (<c>>= 1.800 N.</c>);
/// a target that is not a number (a deadline, SI/NO, free text) as the document printed it. Values that are not
/// numbers (dates, SI, "In corso") are shown as printed. Machine outputs (<c>--json</c>) keep JSON numbers and the
/// raw text; <c>trace</c> shows both.</para>
/// </remarks>
public static class ItalianFormat
{
    private static readonly NumberFormatInfo Italian = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-",
    };

    /// <summary>The number with up to <paramref name="maxDecimals"/> decimals, none trailing: <c>1.942</c>, <c>41,8</c>.</summary>
    public static string Number(decimal value, int maxDecimals = 2) =>
        Clean(Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('#', maxDecimals), Italian));

    /// <summary>The number with exactly <paramref name="decimals"/> decimals: <c>100,00</c>, <c>0,80</c>.</summary>
    public static string Fixed(decimal value, int decimals = 2) =>
        Clean(Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('0', decimals), Italian));

    /// <summary>A double with exactly <paramref name="decimals"/> decimals (ratios, rates): <c>3,2</c>.</summary>
    public static string Fixed(double value, int decimals) =>
        double.IsFinite(value) ? Fixed((decimal)Math.Round(value, decimals, MidpointRounding.AwayFromZero), decimals) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An achievement or another computed percentage: two decimals and " %": <c>100,00 %</c>; "-" for none.</summary>
    public static string Percent(decimal? value) => value is { } v ? Fixed(v) + " %" : "-";

    /// <summary>A value and its unit: <c>41,8 %</c>, <c>1.942 N.</c>; the number alone without a unit.</summary>
    public static string WithUnit(decimal value, string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? Number(value) : $"{Number(value)} {unit.Trim()}";

    /// <summary>
    /// A value read from a document: the number with its unit (the KPI's, else the one printed beside the number) when it
    /// is one, else the text as printed.
    /// </summary>
    public static string? Value(decimal? value, string? unit, string? raw) =>
        value is { } v ? WithUnit(v, UnitOf(unit, raw)) : raw;

    /// <summary>
    /// A target: <c>&gt;= 1.800 N.</c> for a comparison with a number, else the text as printed (a deadline, SI, free
    /// text). <paramref name="op"/> is the contract's symbol (&gt;=, &lt;=, =, &gt;, &lt;, bool, date, text).
    /// </summary>
    public static string? Target(string? op, decimal? value, string? unit, string? raw) =>
        value is { } v && op is ">=" or "<=" or "=" or ">" or "<" ? $"{op} {WithUnit(v, UnitOf(unit, raw))}" : raw;

    /// <summary>A day as Italians write it: <c>15/08/2021</c>.</summary>
    public static string Date(DateOnly day) => day.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A moment in <paramref name="zone"/> (Europe/Rome for the pages): <c>15/08/2021 07:00</c>, no seconds, the
    /// zone's summer or winter offset applied.
    /// </summary>
    public static string DateTime(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("dd'/'MM'/'yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A count: <c>200.000</c>.</summary>
    public static string Number(long value) => Number((decimal)value, 0);

    private static string? UnitOf(string? unit, string? raw) =>
        string.IsNullOrWhiteSpace(unit) ? ItalianNumber.Parse(raw)?.Unit : unit;

    /// <summary>"-0" is "0".</summary>
    private static string Clean(string text) => text.StartsWith('-') && text.Trim('-', '0', ',', '.').Length == 0 ? text[1..] : text;
}
