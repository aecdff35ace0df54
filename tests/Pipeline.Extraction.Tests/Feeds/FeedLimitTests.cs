using System.Globalization;
using Pipeline.Core.Feeds;
using Pipeline.Extraction.Feeds;

namespace Pipeline.Extraction.Tests.Feeds;

/// <summary>The caps of <see cref="FeedLimits"/>: a field past 64 KiB quarantines its record; a header past 4 MiB refuses the file.</summary>
public sealed class FeedLimitTests : IDisposable
{
    private readonly FeedFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Good = "P1;01/01/2024;02/01/2024;EVASA;Iscrizione;0;Registro imprese;Lecce";

    [Theory]
    [InlineData(FeedLimits.MaxFieldBytes, false)]
    [InlineData(FeedLimits.MaxFieldBytes + 1, true)]
    [InlineData(3_000_000, true)]
    public void A_field_past_the_cap_quarantines_its_record_and_the_others_are_read(int length, bool quarantined)
    {
        var office = new string('U', length);
        var read = FeedFiles.Practices(_files.Write("lungo.csv", "utf-8",
            [FeedFiles.PracticeHeader, Good, $"P2;01/01/2024;02/01/2024;EVASA;Iscrizione;0;{office};Lecce", Good.Replace("P1", "P3")])).Balanced();

        Assert.Equal(3, read.RowsRead);
        Assert.Equal(quarantined ? 2 : 3, read.Rows.Count);
        if (!quarantined) return;
        var error = Assert.Single(read.Errors);
        Assert.Equal(3, error.RowNumber);
        Assert.Equal($"field 7 ('Ufficio') is {length.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.')} bytes long, over the limit of 65.536 per field", error.Reason);
        Assert.Equal(FeedLimits.MaxRawChars + 1, error.Raw.Length);
        Assert.StartsWith("P2;", error.Raw);
    }

    [Fact]
    public void A_file_of_one_line_longer_than_the_record_cap_is_refused_with_one_line()
    {
        var path = _files.WriteText("una-riga.csv", string.Concat(Enumerable.Repeat("P1;01/01/2024;02/01/2024;EVASA;", 200_000)));
        Assert.True(new FileInfo(path).Length > FeedLimits.MaxRecordBytes);

        var ex = Assert.Throws<ExtractionException>(() => FeedFiles.Open(path));

        Assert.Equal("una-riga.csv: the header row: a record longer than 4 MiB (the limit per record: a quoted field never closed, or no line breaks)", ex.Message);
    }
}
