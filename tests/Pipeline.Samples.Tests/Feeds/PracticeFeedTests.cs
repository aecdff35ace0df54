using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Core.Feeds;
using Pipeline.Samples.Feeds;

namespace Pipeline.Samples.Tests.Feeds;

/// <remarks>Its memory checks measure the whole process, so the class runs alone, after the parallel tests.</remarks>
[Collection(MemoryMeasured.Name)]
public class PracticeFeedTests
{
    private static readonly Lazy<List<PracticeRow>> Sample = new(() => FeedFiles.SamplePracticeRows().ToList());

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var a = PracticeFeed.Rows(5_000, 42, 2021, 2).ToList();
        var b = PracticeFeed.Rows(5_000, 42, 2021, 2).ToList();
        var c = PracticeFeed.Rows(5_000, 43, 2021, 2).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(12_345, 3)]
    public void Rows_gives_exactly_the_count_asked_numbered_from_line_2(int count, int years)
    {
        var rows = PracticeFeed.Rows(count, 9, 2020, years).ToList();
        Assert.Equal(count, rows.Count);
        Assert.Equal(Enumerable.Range(2, count).Select(n => (long)n), rows.Select(r => r.RowNumber));
        Assert.All(rows, r => Assert.InRange(r.Registered, new DateOnly(2020, 1, 1), new DateOnly(2020 + years - 1, 12, 31)));
    }

    [Fact]
    public void Rows_is_lazy()
    {
        // A generator that built its rows first would not return from a count this large.
        var first = PracticeFeed.Rows(int.MaxValue, 1, 2021, 2).Take(3).ToList();
        Assert.Equal(3, first.Count);
        Assert.All(first, r => Assert.Equal(new DateOnly(2021, 1, 1), r.Registered));
        Assert.StartsWith("RI/2021/00000", first[0].Protocol);
    }

    [Fact]
    public void Bad_arguments_are_refused_when_called()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PracticeFeed.Rows(-1, 1, 2021, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PracticeFeed.Rows(10, 1, 2021, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PracticeFeed.Rows(10, 1, 1800, 1));
    }

    [Fact]
    public void A_million_rows_stream_with_flat_memory()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long count = 0;
        long peak = 0;
        foreach (var row in PracticeFeed.Rows(1_000_000, 7, 2021, 2))
        {
            if (++count % 200_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
        }
        Assert.Equal(1_000_000, count);
        Assert.True(peak < 50L * 1024 * 1024, $"live memory grew by {peak / (1024 * 1024)} MB while enumerating");
    }

    [Fact]
    public void Protocols_are_unique_numbered_per_year_in_registration_order()
    {
        var rows = Sample.Value;
        Assert.Equal(rows.Count, rows.Select(r => r.Protocol).Distinct(StringComparer.Ordinal).Count());
        var format = new Regex(@"^RI/(\d{4})/(\d{6})$");
        var previous = (Year: 0, Serial: 0, Date: DateOnly.MinValue);
        foreach (var row in rows)
        {
            var match = format.Match(row.Protocol);
            Assert.True(match.Success, row.Protocol);
            var year = int.Parse(match.Groups[1].Value);
            var serial = int.Parse(match.Groups[2].Value);
            Assert.Equal(row.Registered.Year, year);
            Assert.True(row.Registered >= previous.Date, $"{row.Protocol} registered before the previous protocol");
            if (year == previous.Year) Assert.True(serial > previous.Serial, $"{row.Protocol} does not follow {previous.Serial}");
            previous = (year, serial, row.Registered);
        }
    }

    [Fact]
    public void Registrations_fall_on_working_days_never_on_sunday_and_seldom_on_saturday()
    {
        var rows = Sample.Value;
        Assert.DoesNotContain(rows, r => r.Registered.DayOfWeek == DayOfWeek.Sunday);
        var byDay = rows.GroupBy(r => r.Registered.DayOfWeek).ToDictionary(g => g.Key, g => g.Count());
        var perWeekday = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Average(d => byDay[d]);
        Assert.InRange(byDay[DayOfWeek.Saturday], 1, perWeekday * 0.3);
        // Every month of both years has registrations, August fewer than the others.
        var byMonth = rows.GroupBy(r => (r.Registered.Year, r.Registered.Month)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(24, byMonth.Count);
        Assert.True(byMonth[(2021, 8)] < byMonth[(2021, 9)] * 0.75);
        Assert.All(rows, r => Assert.Equal("CB", r.Chamber));
        Assert.Equal(PracticeFeed.Offices.Order(), rows.Select(r => r.Office!).Distinct().Order());
        Assert.Equal(PracticeFeed.Fulfilments.Order(), rows.Select(r => r.Fulfilment!).Distinct().Order());
    }

    [Fact]
    public void Statuses_have_the_expected_shares_and_the_unfinished_practices_are_mostly_recent()
    {
        var rows = Sample.Value;
        double Share(PracticeStatus status) => 100.0 * rows.Count(r => r.Status == status) / rows.Count;
        Assert.InRange(Share(PracticeStatus.Evasa), 86.5, 89.5);
        Assert.InRange(Share(PracticeStatus.Sospesa), 4, 6);
        Assert.InRange(Share(PracticeStatus.Respinta), 2.2, 3.8);
        Assert.InRange(Share(PracticeStatus.Annullata), 0.6, 1.4);
        Assert.InRange(Share(PracticeStatus.InLavorazione), 2, 4);
        var unfinished = rows.Where(r => r.Status == PracticeStatus.InLavorazione).ToList();
        Assert.True(unfinished.Count(r => r.Registered >= new DateOnly(2022, 12, 1)) > unfinished.Count / 2);

        var exportDate = new DateOnly(2022, 12, 31);
        foreach (var row in rows)
        {
            var hasDate = row.Status is PracticeStatus.Evasa or PracticeStatus.Respinta;
            Assert.Equal(hasDate, row.Processed is not null);
            if (row.Processed is { } processed) Assert.InRange(processed, row.Registered, exportDate);
        }
    }

    [Fact]
    public void Some_practices_are_suspended_and_some_cross_the_year_end()
    {
        var rows = Sample.Value;
        var suspended = rows.Where(r => r.SuspensionDays > 0).ToList();
        Assert.InRange(100.0 * suspended.Count / rows.Count, 8, 12);
        Assert.All(suspended, r => Assert.InRange(r.SuspensionDays, 1, 30));
        Assert.Contains(suspended, r => r.Status == PracticeStatus.Evasa);
        Assert.All(rows.Where(r => r.Status == PracticeStatus.Sospesa), r => Assert.True(r.SuspensionDays > 0));

        var crossing = rows.Where(r => r.Registered.Year == 2021 && r.Processed?.Year == 2022).ToList();
        Assert.True(crossing.Count > 100, $"{crossing.Count} practices of 2021 processed in 2022");
        Assert.True(crossing.Count(r => r.Registered.Month == 12) > crossing.Count / 2, "most should be registered in December");
    }

    [Fact]
    public void Processing_takes_mostly_up_to_eight_working_days_with_a_tail_up_to_forty()
    {
        var days = Sample.Value
            .Where(r => r.Status == PracticeStatus.Evasa)
            .Select(r => ProcessingDays.Count(r.Registered, r.Processed!.Value, DaysKind.Working, null, r.SuspensionDays, netOfSuspension: true))
            .ToList();
        // A Saturday registration processed on Monday counts one working day more than it was drawn with.
        Assert.InRange(days.Max(), 30, 41);
        Assert.InRange(100.0 * days.Count(d => d <= 8) / days.Count, 95, 99.5);
        Assert.Contains(0, days);
    }

    /// <summary>
    /// The practices follow the sample plan's KPIs when measured the registry's way (working days, net of the
    /// suspension, practices EVASA in the period): IND.1.2.1 4.2 days in 2021-S1 and 3.8 in 2021, IND.1.2.2 82.5% and
    /// 88.25% within five days.
    /// </summary>
    [Theory]
    [InlineData("2021-01-01", "2021-06-30", 4.2, 82.5)]
    [InlineData("2021-01-01", "2021-12-31", 3.8, 88.25)]
    public void Processing_times_match_the_sample_plan(string from, string to, double meanDays, double withinFive)
    {
        var (first, last) = (DateOnly.Parse(from), DateOnly.Parse(to));
        var days = Sample.Value
            .Where(r => r.Status == PracticeStatus.Evasa && r.Processed >= first && r.Processed <= last)
            .Select(r => ProcessingDays.Count(r.Registered, r.Processed!.Value, DaysKind.Working, null, r.SuspensionDays, netOfSuspension: true))
            .ToList();
        Assert.InRange(days.Average(), meanDays - 0.2, meanDays + 0.2);
        Assert.InRange(100.0 * days.Count(d => d <= 5) / days.Count, withinFive - 1.5, withinFive + 1.5);
    }

    [Fact]
    public void Write_prints_the_header_and_one_line_per_row_that_reads_back_as_the_row()
    {
        var rows = PracticeFeed.Rows(3_000, 5, 2021, 2).ToList();
        var style = FeedCsvStyle.Priamo with { WithTimes = false };
        var bytes = Write(rows, style);
        var text = FeedCsv.Windows1252.GetString(bytes);
        Assert.StartsWith("Protocollo;Data protocollo;Data evasione;Stato;Adempimento;Giorni sospensione;Ufficio;Camera\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        var records = FeedCsv.Parse(text, ';');
        Assert.Equal(rows.Count + 1, records.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var expected = new[]
            {
                row.Protocol, FeedCsv.Date(row.Registered), FeedCsv.Date(row.Processed), PracticeFeed.StatusText(row.Status),
                row.Fulfilment!, row.SuspensionDays == 0 ? "" : row.SuspensionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Office!, "CB",
            };
            Assert.Equal(expected, records[i + 1]);
        }
        Assert.Contains(records, r => r[3] == "IN LAVORAZIONE" && r[2] == "");
    }

    [Fact]
    public void The_priamo_style_prints_a_time_on_data_protocollo_rising_through_the_day()
    {
        var rows = PracticeFeed.Rows(3_000, 5, 2021, 1).ToList();
        var bytes = Write(rows, FeedCsvStyle.Priamo);
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
        var records = FeedCsv.Parse(FeedCsv.Windows1252.GetString(bytes), ';').Skip(1).ToList();
        var format = new Regex(@"^(\d{2}/\d{2}/\d{4}) ([01]\d|2[0-3]):[0-5]\d$");
        for (var i = 0; i < rows.Count; i++)
        {
            var match = format.Match(records[i][1]);
            Assert.True(match.Success, records[i][1]);
            Assert.Equal(FeedCsv.Date(rows[i].Registered), match.Groups[1].Value);
            Assert.Matches(@"^(\d{2}/\d{2}/\d{4})?$", records[i][2]); // no time on Data evasione
            if (i > 0 && rows[i - 1].Registered == rows[i].Registered)
                Assert.True(string.CompareOrdinal(records[i - 1][1], records[i][1]) <= 0, $"{records[i][1]} before {records[i - 1][1]}");
        }
        Assert.True(records.Select(r => r[1][11..]).Distinct().Count() > 300, "times should spread over the day");
    }

    [Fact]
    public void Write_gives_the_same_bytes_for_the_same_rows()
    {
        var first = Write(PracticeFeed.Rows(20_000, 3, 2021, 2), FeedCsvStyle.Priamo);
        var second = Write(PracticeFeed.Rows(20_000, 3, 2021, 2), FeedCsvStyle.Priamo);
        Assert.Equal(FeedCsv.Sha256(first), FeedCsv.Sha256(second));
        Assert.NotEqual(FeedCsv.Sha256(first), FeedCsv.Sha256(Write(PracticeFeed.Rows(20_000, 4, 2021, 2), FeedCsvStyle.Priamo)));
    }

    [Fact]
    public void The_quoted_style_quotes_every_field()
    {
        var rows = PracticeFeed.Rows(50, 5, 2021, 1).ToList();
        var text = Encoding.UTF8.GetString(Write(rows, new FeedCsvStyle(',', FeedCsvStyle.Utf8, WithTimes: false, Quoted: true)));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Protocollo\",\"Data protocollo\",\"Data evasione\",\"Stato\",\"Adempimento\",\"Giorni sospensione\",\"Ufficio\",\"Camera\"", lines[0]);
        Assert.All(lines, line => Assert.Matches("^\"[^\"]*\"(,\"[^\"]*\"){7}$", line));
        Assert.Equal(rows.Select(r => r.Protocol), FeedCsv.Parse(text, ',').Skip(1).Select(r => r[0]));
    }

    [Fact]
    public void Write_streams_a_million_rows_with_flat_memory()
    {
        using var sink = new MemorySamplingStream();
        PracticeFeed.Write(sink, PracticeFeed.Rows(1_000_000, 11, 2021, 2), FeedCsvStyle.Priamo);
        Assert.True(sink.Length > 60_000_000, $"{sink.Length} bytes");
        Assert.True(sink.Samples >= 5);
        Assert.True(sink.PeakGrowth < 50L * 1024 * 1024, $"live memory grew by {sink.PeakGrowth / (1024 * 1024)} MB while writing");
    }

    private static byte[] Write(IEnumerable<PracticeRow> rows, FeedCsvStyle style)
    {
        using var buffer = new MemoryStream();
        PracticeFeed.Write(buffer, rows, style);
        return buffer.ToArray();
    }

    /// <summary>A write-only stream that keeps nothing and samples the live memory every 8 MB written.</summary>
    private sealed class MemorySamplingStream : Stream
    {
        private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);
        private long _length;
        private long _nextSample = 8L * 1024 * 1024;

        public long PeakGrowth { get; private set; }
        public int Samples { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _length += buffer.Length;
            if (_length < _nextSample) return;
            _nextSample += 8L * 1024 * 1024;
            Samples++;
            PeakGrowth = Math.Max(PeakGrowth, GC.GetTotalMemory(forceFullCollection: true) - _baseline);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>Tests that measure the process's live memory: run alone, or other tests' allocations count too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasured
{
    public const string Name = "memory measured";
}
