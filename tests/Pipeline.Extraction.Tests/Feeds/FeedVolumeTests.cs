using System.Diagnostics;
using System.Text;
using Pipeline.Core.Feeds;

namespace Pipeline.Extraction.Tests.Feeds;

public sealed class FeedVolumeTests : IDisposable
{
    private readonly FeedFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_100000_row_file_with_one_malformed_row_yields_99999_rows_and_quarantines_that_one()
    {
        const int rows = 100_000;
        const int bad = 61_234; // 0-based index of the malformed data row: line bad + 2
        var text = new StringBuilder(rows * 90);
        text.Append(FeedFiles.PracticeHeader).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var day = 1 + i % 28;
            if (i == bad) text.Append($"RI/{i};{day:00}/03/2024;EVASA\r\n");
            else text.Append($"RI/{i};{day:00}/03/2024;{day:00}/04/2024 09:{i % 60:00};EVASA;Iscrizione;{i % 3};Registro imprese;Lecce\r\n");
        }
        var path = _files.WriteText("volume.csv", text.ToString());

        var watch = Stopwatch.StartNew();
        var errors = new List<FeedRowError>();
        long count = 0, lastRow = 0, suspended = 0;
        using (var reader = FeedFiles.Open(path))
        {
            foreach (var row in reader.Practices(errors.Add))
            {
                count++;
                Assert.True(row.RowNumber > lastRow);
                lastRow = row.RowNumber;
                suspended += row.SuspensionDays;
            }
            Assert.Equal(rows, reader.RowsRead);
            Assert.Equal(1, reader.RowsQuarantined);
        }
        watch.Stop();

        Assert.Equal(rows - 1, count);
        Assert.Equal(rows + 1, lastRow);
        var error = Assert.Single(errors);
        Assert.Equal(bad + 2, error.RowNumber);
        Assert.Equal("wrong number of fields: 3 instead of 8", error.Reason);
        Assert.Equal($"RI/{bad};{1 + bad % 28:00}/03/2024;EVASA", error.Raw);
        Assert.Equal(Enumerable.Range(0, rows).Where(i => i != bad).Sum(i => (long)(i % 3)), suspended);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}"); // a sanity bound (about 1 s here), not a benchmark: test runs share 2 cores
    }
}
