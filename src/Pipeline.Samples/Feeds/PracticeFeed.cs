using System.Globalization;
using Pipeline.Core.Feeds;

namespace Pipeline.Samples.Feeds;

/// <summary>
/// A synthetic Priamo-style export of the Registro Imprese practices of the Molise chamber (Camera "CB"), fully
/// determined by its seed. Rows come in protocol order: registration dates over the working days of the years
/// (none on Sundays, few on Saturdays and holidays, fewer in August), protocols "RI/2021/012345" numbered per year
/// with a few gaps. About 88% of the practices are EVASA, 5% SOSPESA, 3% RESPINTA, 1% ANNULLATA and the rest IN
/// LAVORAZIONE (most of them registered in the last weeks: the export is taken on 31 December of the last year).
/// Processing takes mostly 0–8 working days (Monday to Friday without the national holidays of
/// <see cref="ItalianCalendar"/>) with a tail up to 40; about 10% of the rows carry 1–30 Giorni sospensione, added to
/// the elapsed time: Data evasione is the working day with (processing + suspension) working days after Data
/// protocollo, so that <see cref="ProcessingDays.Count"/> in working days net of the suspension gives the processing
/// days back. The first half of the first year is slower (a backlog: about 4.2 days on average, 82.5% within five
/// days), the rest about 3.4 days and 94%: for the sample 2021 that makes about 3.8 days and 88%, in line with KPIs
/// IND.1.2.1 and IND.1.2.2 of the sample plan. RESPINTA practices have a Data evasione (the
/// rejection), SOSPESA, ANNULLATA and IN LAVORAZIONE ones none.
/// </summary>
public static class PracticeFeed
{
    /// <summary>The chamber code in the Camera column.</summary>
    public const string Chamber = "CB";

    /// <summary>The header's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["Protocollo", "Data protocollo", "Data evasione", "Stato", "Adempimento", "Giorni sospensione", "Ufficio", "Camera"];

    /// <summary>The values of the Adempimento column.</summary>
    public static IReadOnlyList<string> Fulfilments { get; } =
        ["Iscrizione", "Modifica", "Cessazione", "Deposito bilancio", "Trasferimento quote"];

    /// <summary>The values of the Ufficio column.</summary>
    public static IReadOnlyList<string> Offices { get; } = ["Campobasso", "Isernia"];

    /// <summary>How a status is printed in the Stato column: "EVASA", "SOSPESA", "RESPINTA", "ANNULLATA", "IN LAVORAZIONE".</summary>
    public static string StatusText(PracticeStatus status) => status switch
    {
        PracticeStatus.Evasa => "EVASA",
        PracticeStatus.Sospesa => "SOSPESA",
        PracticeStatus.Respinta => "RESPINTA",
        PracticeStatus.Annullata => "ANNULLATA",
        PracticeStatus.InLavorazione => "IN LAVORAZIONE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown practice status"),
    };

    // Working days to process a practice: 0–8 (by weight) or, with the tail probability, 9–40.
    private static readonly int[] BodyWeights = [60, 115, 160, 200, 225, 200, 20, 12, 8];
    private static readonly int[] BacklogBodyWeights = [25, 65, 130, 190, 235, 205, 80, 40, 30];
    private const int TailPerMillion = 15_000;
    private const int BacklogTailPerMillion = 30_000;
    private static readonly int[] TailWeights = Enumerable.Range(9, 32).Select(d => (41 - d) * (41 - d) * (41 - d)).ToArray();

    // Status weights of the practices not drawn as IN LAVORAZIONE: EVASA, SOSPESA, RESPINTA, ANNULLATA.
    private static readonly int[] StatusWeights = [9_050, 500, 305, 100];

    // Registrations per day (per mille of an ordinary weekday) by month, January first.
    private static readonly int[] MonthWeights = [1_080, 1_020, 1_060, 1_000, 1_080, 1_150, 1_080, 560, 960, 1_040, 1_000, 900];

    /// <summary>
    /// <paramref name="count"/> practices registered from 1 January <paramref name="firstYear"/> to 31 December of
    /// the <paramref name="years"/>-th year, lazily (one row at a time, in protocol order: memory does not grow with
    /// the count) and the same for the same arguments on every run and runtime. <see cref="PracticeRow.RowNumber"/>
    /// is the row's line in the file <see cref="Write"/> makes of them (the header is line 1).
    /// </summary>
    public static IEnumerable<PracticeRow> Rows(int count, int seed, int firstYear, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstYear, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, 9999 - firstYear);
        return Generate(count, seed, firstYear, years);
    }

    private static IEnumerable<PracticeRow> Generate(int count, int seed, int firstYear, int years)
    {
        var first = new DateOnly(firstYear, 1, 1);
        var last = new DateOnly(firstYear + years - 1, 12, 31);
        var backlogEnd = new DateOnly(firstYear, 7, 1);
        var weights = DayWeights(first, last, FeedRandom.For(seed, 1));
        long total = 0;
        foreach (var w in weights) total += w;

        var random = FeedRandom.For(seed, 2);
        long emitted = 0;
        long cumulative = 0;
        var year = 0;
        var serial = 0;
        for (var day = 0; day < weights.Length; day++)
        {
            cumulative += weights[day];
            var target = (long)((Int128)count * cumulative / total);
            var date = first.AddDays(day);
            if (date.Year != year)
            {
                year = date.Year;
                serial = 0;
            }
            for (; emitted < target; emitted++)
            {
                serial += random.Below(100) < 4 ? random.Between(2, 4) : 1; // numbers taken by other registers
                var protocol = string.Create(CultureInfo.InvariantCulture, $"RI/{year}/{serial:D6}");
                yield return Practice(random, emitted + 2, protocol, date, InProgressPerMillion(emitted, count), date < backlogEnd, last);
            }
        }
    }

    /// <summary>The relative number of registrations of each day (0 on Sundays), with a little day-to-day noise.</summary>
    private static int[] DayWeights(DateOnly first, DateOnly last, FeedRandom random)
    {
        var weights = new int[last.DayNumber - first.DayNumber + 1];
        for (var i = 0; i < weights.Length; i++)
        {
            var date = first.AddDays(i);
            var weight = date.DayOfWeek switch
            {
                DayOfWeek.Sunday => 0,
                DayOfWeek.Saturday => 120,
                DayOfWeek.Monday => 1_120,
                DayOfWeek.Friday => 940,
                _ => 1_000,
            };
            if (weight > 0 && ItalianCalendar.IsNationalHoliday(date)) weight = 60;
            else if (date is { Month: 12, Day: 24 or 31 }) weight /= 2;
            weight = weight * MonthWeights[date.Month - 1] / 1_000;
            weights[i] = weight * random.Between(850, 1_150) / 1_000;
        }
        return weights;
    }

    /// <summary>
    /// The chance (per million) that a practice is still being processed when the export is taken: a little for
    /// every practice (files stuck for a long time), much more for the last 4% of the range.
    /// </summary>
    private static int InProgressPerMillion(long index, long count)
    {
        var fromEnd = (count - index) * 1_000_000 / count; // in millionths of the range
        const int window = 40_000;
        return 8_000 + (fromEnd < window ? (int)(800_000 * (window - fromEnd) / window) : 0);
    }

    private static PracticeRow Practice(FeedRandom random, long rowNumber, string protocol, DateOnly registered,
        int inProgressPerMillion, bool backlog, DateOnly exportDate)
    {
        var status = random.Chance(inProgressPerMillion)
            ? PracticeStatus.InLavorazione
            : (PracticeStatus)random.Pick(StatusWeights);
        DateOnly? processed = null;
        var suspension = 0;
        switch (status)
        {
            case PracticeStatus.Evasa:
            case PracticeStatus.Respinta:
                // Most rejections follow a request for documents that was not answered.
                if (status == PracticeStatus.Evasa ? random.Chance(35_000) : random.Chance(600_000))
                    suspension = status == PracticeStatus.Evasa ? random.Between(1, 30) : random.Between(10, 30);
                var done = OfficeDays.After(registered, WorkingDays(random, backlog) + suspension);
                if (done <= exportDate) processed = done;
                else status = PracticeStatus.InLavorazione; // not finished when the export was taken
                break;
            case PracticeStatus.Sospesa:
                // The days suspended so far, never more than the days since registration (at least the first one).
                suspension = Math.Max(1, Math.Min(random.Between(1, 30), exportDate.DayNumber - registered.DayNumber));
                break;
        }
        var fulfilment = Fulfilments[random.Pick(FulfilmentWeights(registered.Month))];
        var office = Offices[random.Below(100) < 72 ? 0 : 1];
        return new PracticeRow(rowNumber, protocol, registered, processed, status, fulfilment, suspension, office, Chamber);
    }

    private static int WorkingDays(FeedRandom random, bool backlog)
    {
        if (random.Chance(backlog ? BacklogTailPerMillion : TailPerMillion)) return 9 + random.Pick(TailWeights);
        return random.Pick(backlog ? BacklogBodyWeights : BodyWeights);
    }

    // Iscrizione, Modifica, Cessazione, Deposito bilancio, Trasferimento quote: balance sheets are filed in May-July
    // (later ones until November), cessations cluster at the turn of the year.
    private static readonly int[][] FulfilmentWeightsByMonth = Enumerable.Range(1, 12).Select(month => new[]
    {
        month == 1 ? 2_400 : 1_800,
        4_000,
        month is 12 or 1 ? 1_900 : 1_100,
        month switch { 5 or 6 or 7 => 3_600, 4 or 8 or 9 or 10 or 11 => 1_000, _ => 300 },
        900,
    }).ToArray();

    private static ReadOnlySpan<int> FulfilmentWeights(int month) => FulfilmentWeightsByMonth[month - 1];

    /// <summary>
    /// Writes <paramref name="rows"/> as a Priamo export in <paramref name="style"/>, streaming (the stream is left
    /// open and flushed): the header, then one line per row with dates as dd/MM/yyyy, Stato as printed by
    /// <see cref="StatusText"/>, Data evasione empty when there is none and Giorni sospensione empty when 0. With
    /// <see cref="FeedCsvStyle.WithTimes"/> Data protocollo gets a time of day, increasing along consecutive rows
    /// of the same day and derived from the rows alone (so the bytes depend only on the rows and the style); the rows
    /// of one day are buffered for that, nothing more.
    /// </summary>
    public static void Write(Stream output, IEnumerable<PracticeRow> rows, FeedCsvStyle style)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(style);
        using var writer = new FeedCsvWriter(output, style);
        writer.Record(Columns);
        if (!style.WithTimes)
        {
            foreach (var row in rows) WriteRow(writer, row, minuteOfDay: null);
            return;
        }
        // A day's registrations are buffered to spread their times over the day in protocol order.
        var day = new List<PracticeRow>();
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (day.Count > 0 && day[0].Registered != row.Registered) WriteDay(writer, day);
            day.Add(row);
        }
        WriteDay(writer, day);
    }

    private static void WriteDay(FeedCsvWriter writer, List<PracticeRow> day)
    {
        if (day.Count == 0) return;
        var random = new FeedRandom(FeedRandom.Mix((ulong)day[0].Registered.DayNumber, StableHash(day[0].Protocol)));
        for (var i = 0; i < day.Count; i++)
            WriteRow(writer, day[i], MinuteOfDay((i + random.NextDouble()) / day.Count));
        day.Clear();
    }

    private static void WriteRow(FeedCsvWriter writer, PracticeRow row, int? minuteOfDay)
    {
        ArgumentNullException.ThrowIfNull(row);
        writer.Field(row.Protocol);
        if (minuteOfDay is { } minute) writer.Field(row.Registered, minute);
        else writer.Field(row.Registered);
        writer.Field(row.Processed);
        writer.Field(StatusText(row.Status));
        writer.Field(row.Fulfilment);
        writer.Field(row.SuspensionDays, emptyWhenZero: true);
        writer.Field(row.Office);
        writer.Field(row.Chamber);
        writer.EndRecord();
    }

    // Telematic submissions per hour from 07:00 to 19:59: a morning peak and a smaller afternoon one.
    private static readonly int[] HourWeights = [2, 7, 13, 15, 14, 11, 5, 5, 8, 8, 6, 4, 2];
    private const int FirstHour = 7;

    /// <summary>The minute of the day at quantile <paramref name="q"/> (0 ≤ q &lt; 1) of the submissions' daily profile.</summary>
    private static int MinuteOfDay(double q)
    {
        var total = 0;
        foreach (var w in HourWeights) total += w;
        var position = q * total;
        for (var hour = 0; hour < HourWeights.Length; hour++)
        {
            if (position < HourWeights[hour])
                return (FirstHour + hour) * 60 + Math.Min(59, (int)(position / HourWeights[hour] * 60));
            position -= HourWeights[hour];
        }
        return (FirstHour + HourWeights.Length) * 60 - 1;
    }

    /// <summary>FNV-1a of a string's UTF-16 code units (string.GetHashCode differs between processes).</summary>
    internal static ulong StableHash(string? text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text ?? string.Empty)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
