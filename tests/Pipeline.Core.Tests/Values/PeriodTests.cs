using Pipeline.Core.Values;

namespace Pipeline.Core.Tests.Values;

public sealed class PeriodTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Fact]
    public void YearCoversTheCalendarYear()
    {
        var p = Period.ForYear(2021);
        Assert.Equal(new Period("2021", PeriodKind.Year, 2021, Day("2021-01-01"), Day("2021-12-31")), p);
    }

    [Theory]
    [InlineData(2021, 1, "2021-S1", "2021-01-01", "2021-06-30")]
    [InlineData(2021, 2, "2021-S2", "2021-07-01", "2021-12-31")]
    [InlineData(2018, 1, "2018-S1", "2018-01-01", "2018-06-30")]
    public void Semesters(int year, int half, string code, string start, string end)
    {
        var p = Period.ForSemester(year, half);
        Assert.Equal((code, PeriodKind.Semester, year, Day(start), Day(end)), (p.Code, p.Kind, p.Year, p.Start, p.End));
    }

    [Theory]
    [InlineData(2021, 1, "2021-Q1", "2021-01-01", "2021-03-31")]
    [InlineData(2021, 2, "2021-Q2", "2021-04-01", "2021-06-30")]
    [InlineData(2021, 3, "2021-Q3", "2021-07-01", "2021-09-30")]
    [InlineData(2021, 4, "2021-Q4", "2021-10-01", "2021-12-31")]
    public void Quarters(int year, int quarter, string code, string start, string end)
    {
        var p = Period.ForQuarter(year, quarter);
        Assert.Equal((code, PeriodKind.Quarter, year, Day(start), Day(end)), (p.Code, p.Kind, p.Year, p.Start, p.End));
    }

    [Theory]
    [InlineData(2021, 3, "2021-03", "2021-03-01", "2021-03-31")]
    [InlineData(2021, 2, "2021-02", "2021-02-01", "2021-02-28")]
    [InlineData(2020, 2, "2020-02", "2020-02-01", "2020-02-29")]
    [InlineData(2021, 12, "2021-12", "2021-12-01", "2021-12-31")]
    public void Months(int year, int month, string code, string start, string end)
    {
        var p = Period.ForMonth(year, month);
        Assert.Equal((code, PeriodKind.Month, year, Day(start), Day(end)), (p.Code, p.Kind, p.Year, p.Start, p.End));
    }

    [Fact]
    public void DayIsASingleDay()
    {
        var p = Period.ForDay(Day("2021-06-30"));
        Assert.Equal(new Period("2021-06-30", PeriodKind.Day, 2021, Day("2021-06-30"), Day("2021-06-30")), p);
    }

    [Fact]
    public void FactoriesRejectOutOfRangeArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForSemester(2021, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForSemester(2021, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForQuarter(2021, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForQuarter(2021, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForMonth(2021, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForMonth(2021, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForYear(21));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.ForYear(0));
    }

    [Theory]
    [InlineData("2021", PeriodKind.Year)]
    [InlineData("2018", PeriodKind.Year)]
    [InlineData("2021-S1", PeriodKind.Semester)]
    [InlineData("2021-S2", PeriodKind.Semester)]
    [InlineData("2021-Q1", PeriodKind.Quarter)]
    [InlineData("2021-Q3", PeriodKind.Quarter)]
    [InlineData("2021-Q4", PeriodKind.Quarter)]
    [InlineData("2021-01", PeriodKind.Month)]
    [InlineData("2021-03", PeriodKind.Month)]
    [InlineData("2021-12", PeriodKind.Month)]
    [InlineData("2021-06-30", PeriodKind.Day)]
    [InlineData("2021-12-31", PeriodKind.Day)]
    [InlineData("2020-02-29", PeriodKind.Day)]
    public void ParsesCanonicalCodes(string code, PeriodKind kind)
    {
        var p = Period.Parse(code);
        Assert.Equal(code, p.Code);
        Assert.Equal(kind, p.Kind);
        Assert.Equal(int.Parse(code[..4]), p.Year);
        Assert.True(Period.TryParse(code, out var again));
        Assert.Equal(p, again);
        Assert.Equal(code, p.ToString());
    }

    [Fact]
    public void ParseIgnoresSurroundingWhiteSpace() => Assert.Equal(Period.ForSemester(2021, 1), Period.Parse(" 2021-S1 "));

    [Fact]
    public void ParsedAndBuiltPeriodsAreEqual()
    {
        Assert.Equal(Period.ForSemester(2021, 1), Period.Parse("2021-S1"));
        Assert.Equal(Period.ForQuarter(2021, 3), Period.Parse("2021-Q3"));
        Assert.Equal(Period.ForMonth(2021, 3), Period.Parse("2021-03"));
        Assert.Equal(Period.ForDay(new DateOnly(2021, 6, 30)), Period.Parse("2021-06-30"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("21")]
    [InlineData("abc")]
    [InlineData("Anno 2021")]
    [InlineData("2021-S0")]
    [InlineData("2021-S3")]
    [InlineData("2021-s1")]
    [InlineData("2021-Q0")]
    [InlineData("2021-Q5")]
    [InlineData("2021-00")]
    [InlineData("2021-13")]
    [InlineData("2021-3")]
    [InlineData("2021-02-30")]
    [InlineData("2021-02-29")]
    [InlineData("2021-06-31")]
    [InlineData("2021/06/30")]
    [InlineData("30/06/2021")]
    [InlineData("2021-06-30T00:00")]
    [InlineData("2021-2023")]
    [InlineData("0021")]
    public void RejectsNonCanonicalCodes(string? code)
    {
        Assert.False(Period.TryParse(code, out var p));
        Assert.Null(p);
        if (code is not null) Assert.Throws<FormatException>(() => Period.Parse(code));
    }

    [Theory]
    [InlineData("2021-06-30", "2021-S1")]
    [InlineData("2020-06-30", "2020-S1")]
    [InlineData("2021-12-31", "2021")]
    [InlineData("2021-09-30", "2021-09-30")]
    [InlineData("2021-06-29", "2021-06-29")]
    [InlineData("2021-07-01", "2021-07-01")]
    [InlineData("2021", "2021")]
    [InlineData("2021-S1", "2021-S1")]
    [InlineData("2021-S2", "2021-S2")]
    [InlineData("2021-Q2", "2021-Q2")]
    [InlineData("2021-06", "2021-06")]
    public void ReportingPeriodOfACheckpoint(string code, string expected) =>
        Assert.Equal(expected, Period.Parse(code).ToReportingPeriod().Code);

    [Fact]
    public void ContainsIncludesBothBounds()
    {
        var s1 = Period.ForSemester(2021, 1);
        Assert.True(s1.Contains(new DateOnly(2021, 1, 1)));
        Assert.True(s1.Contains(new DateOnly(2021, 6, 30)));
        Assert.False(s1.Contains(new DateOnly(2021, 7, 1)));
        Assert.False(s1.Contains(new DateOnly(2020, 12, 31)));
    }
}

/// <summary>Period codes in calendar order: by end day, the shorter period first when two end together; non-periods last.</summary>
public sealed class PeriodCalendarOrderTests
{
    [Theory]
    [InlineData(new[] { "2021", "2021-S1" }, new[] { "2021-S1", "2021" })]
    [InlineData(new[] { "2022-S1", "2021", "2021-S2", "2021-S1" }, new[] { "2021-S1", "2021-S2", "2021", "2022-S1" })]
    [InlineData(new[] { "2021-12-31", "2021", "2021-06-30", "2021-S1" }, new[] { "2021-06-30", "2021-S1", "2021-12-31", "2021" })]
    [InlineData(new[] { "2021-Q2", "2021-S1", "2021-06" }, new[] { "2021-06", "2021-Q2", "2021-S1" })]
    [InlineData(new[] { "n.d.", "2021", "2020" }, new[] { "2020", "2021", "n.d." })]
    public void Sorts_as_the_calendar_runs(string[] given, string[] expected) =>
        Assert.Equal(expected, given.Order(Pipeline.Core.Values.Period.CalendarOrder));
}
