using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;
using Pipeline.Core.Feeds;
using Pipeline.Extraction.Feeds;
using Pipeline.Warehouse;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Jobs.Feeds;

/// <summary>A feed benchmark's outcome: the reference COPY and our parse + stage + compute of the same file.</summary>
public sealed record FeedBenchmarkResult(long Rows, long Bytes, TimeSpan Copy, TimeSpan Ours, long RowsStaged, long RowsQuarantined, int Computations, long PeakWorkingSetGrowthBytes)
{
    public double CopyRowsPerSecond => Rows / Copy.TotalSeconds;
    public double OursRowsPerSecond => Rows / Ours.TotalSeconds;
    /// <summary>Our time over the bare COPY's: 1.0 = as fast as PostgreSQL loading the file into a plain table.</summary>
    public double Ratio => Ours.TotalSeconds / Copy.TotalSeconds;
}

/// <summary>
/// <c>pipeline bench feeds FILE</c> on PostgreSQL: in a scratch schema of the warehouse's database (created, then
/// dropped), first a bare <c>COPY … FROM STDIN (FORMAT csv)</c> of the file's text into a table of text columns
/// (the reference: PostgreSQL's own CSV loader, no parsing of ours), then our whole feed load of the same file —
/// read and checked row by row, staged with binary COPY, every bound metric computed, measurements written — in
/// the same run. The file is read once beforehand so both start from the page cache.
/// </summary>
public sealed class FeedBenchmark(PostgresDialect dialect, FeedHeaderConfig headers, string salt)
{
    public async Task<FeedBenchmarkResult> RunAsync(string path, string chamberCode, IReadOnlyList<MetricBinding> bindings, CancellationToken ct = default)
    {
        var bytes = new FileInfo(path).Length;
        await WarmAsync(path, ct);
        char delimiter;
        Encoding encoding;
        int columns;
        using (var probe = FeedReader.Open(path, headers, salt))
        {
            delimiter = probe.Delimiter;
            encoding = probe.EncodingName == "windows-1252" ? Encoding.GetEncoding(1252) : new UTF8Encoding(false);
            columns = probe.Header.Count;
        }

        var schema = "pipeline_bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture);
        await using (var admin = (NpgsqlConnection)await dialect.OpenAsync(ct))
            await admin.ExecuteAsync(new CommandDefinition($"CREATE SCHEMA {schema}", cancellationToken: ct));
        try
        {
            var scratch = dialect.WithSearchPath(schema);
            await new WarehouseInitializer(scratch).InitAsync(ct);

            // the reference: PostgreSQL's COPY of the file's bytes into text columns
            TimeSpan copy;
            long copied;
            await using (var connection = (NpgsqlConnection)await scratch.OpenAsync(ct))
            {
                var cols = string.Join(", ", Enumerable.Range(1, columns).Select(i => $"c{i} TEXT"));
                await connection.ExecuteAsync(new CommandDefinition($"CREATE TABLE bench_copy ({cols})", cancellationToken: ct));
                var delimiterLiteral = delimiter == '\t' ? "E'\\t'" : $"'{delimiter}'";
                var watch = Stopwatch.StartNew();
                await using (var target = await connection.BeginTextImportAsync(
                                 $"COPY bench_copy FROM STDIN (FORMAT csv, HEADER true, DELIMITER {delimiterLiteral})", ct))
                using (var source = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
                {
                    // the file's text as it is (the byte-order mark dropped), in the client encoding Npgsql speaks
                    var buffer = new char[1 << 15];
                    int read;
                    while ((read = await source.ReadAsync(buffer, ct)) > 0) await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                copy = watch.Elapsed;
                copied = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM bench_copy", cancellationToken: ct));
            }

            // ours: the whole feed load into the scratch warehouse
            var ingestor = new FeedIngestor(scratch, headers, MetricBindings.Of(bindings), salt);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            var peak = before;
            using var sampler = new Timer(_ =>
            {
                process.Refresh();
                var now = process.WorkingSet64;
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
            }, null, 0, 100);
            var ours = Stopwatch.StartNew();
            var result = await ingestor.IngestAsync(path, chamberCode, null, ct);
            ours.Stop();
            return new FeedBenchmarkResult(copied, bytes, copy, ours.Elapsed, result.Load.RowsStaged, result.Load.RowsQuarantined,
                bindings.Sum(b => b.Periods.Count), Math.Max(0, Interlocked.Read(ref peak) - before));
        }
        finally
        {
            await using var admin = (NpgsqlConnection)await dialect.OpenAsync(CancellationToken.None);
            await admin.ExecuteAsync(new CommandDefinition($"DROP SCHEMA IF EXISTS {schema} CASCADE", cancellationToken: CancellationToken.None));
            // the scratch warehouse's Power BI views (migration 0017) live in a schema of their own
            await admin.ExecuteAsync(new CommandDefinition($"DROP SCHEMA IF EXISTS {dialect.WithSearchPath(schema).BiSchema} CASCADE", cancellationToken: CancellationToken.None));
        }
    }

    private static async Task WarmAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        while (await stream.ReadAsync(buffer, ct) > 0) { }
    }

    /// <summary>The metrics a benchmark computes when the configuration binds none to the chamber: for practices the
    /// share within 5 working days and the mean processing days, for companies the active companies and the cassetto
    /// share, for each of <paramref name="years"/>.</summary>
    public static IReadOnlyList<MetricBinding> DefaultBindings(string chamberCode, FeedKind kind, IReadOnlyList<int> years)
    {
        var periods = years.Select(Pipeline.Core.Values.Period.ForYear).ToList();
        var empty = new Dictionary<string, string>();
        return kind == FeedKind.Practices
            ?
            [
                new MetricBinding(chamberCode, "bench", MetricCatalog.Get("ri.practices_within_days"), new Dictionary<string, string> { ["days"] = "5" }, periods),
                new MetricBinding(chamberCode, "bench", MetricCatalog.Get("ri.mean_processing_days"), empty, periods),
            ]
            :
            [
                new MetricBinding(chamberCode, "bench", MetricCatalog.Get("registry.active_companies"), empty, periods),
                new MetricBinding(chamberCode, "bench", MetricCatalog.Get("registry.cassetto_share"), empty, periods),
            ];
    }
}
