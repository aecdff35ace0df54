using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Extraction;
using Pipeline.Core.Values;
using Pipeline.Warehouse.Queries;

namespace Pipeline.Cli.Commands;

public static class TraceCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var kpi = new Argument<string>("KPI") { Description = "a KPI id (from 'pipeline kpis') or part of its name or code" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("trace", "from a KPI to its sources: document, sheet!cell or page and box, raw text") { kpi, json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, async (cli, token) =>
        {
            var query = parse.GetValue(kpi)!;
            cli.RequireExistingWarehouse();
            var traced = await new TraceQueries(cli.Dialect, ArchiveCommand.For(cli)).TraceAsync(query, ct: token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(traced);
                return traced.Count == 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
            }
            var printer = new Printer(cli.Mode);
            if (traced.Count == 0)
            {
                Console.Error.WriteLine($"no KPI matches '{query}'");
                return ExitCodes.InputFailed;
            }
            foreach (var k in traced)
            {
                printer.Heading($"KPI {k.KpiId} [{k.ChamberCode}, plan {k.PlanFrom}-{k.PlanTo}] {(k.Code is null ? "" : k.Code + " ")}{k.Name}");
                if (k.ObjectivePath.Count > 0) printer.Line("  objective: " + string.Join(" › ", k.ObjectivePath));
                printer.Table(
                    ["Value", "Period", "Read as", "Document", "Where", "Raw text", "Version"],
                    k.Values.Select(v => (IReadOnlyList<string?>)
                    [
                        v.ValueKind, v.Period, ReadAs(v, k.Unit), $"{v.FileName} ({v.DocType}, sha256 {v.DocumentSha256[..12]})",
                        Where(v), v.RawText, v.Version,
                    ]));
                foreach (var v in k.Values.DistinctBy(v => v.DocumentId))
                    printer.Line($"  {v.FileName} (document {v.DocumentId}): {Archived(v)}");
                foreach (var a in k.Achievements)
                    printer.Line($"  achievement {a.Period} ({a.Policy}): {(a.Achievement is null ? "" : ItalianFormat.Percent(a.Achievement) + ", ")}{a.Status}; {a.Rule}");
                foreach (var v in k.Values.Where(v => v.RowsRemovedAt is not null))
                    printer.Line($"  {v.Period} from {v.FileName}: {RemovedRows(v)}");
                foreach (var v in k.Values.Where(v => v.FeedRows is not null))
                {
                    var rows = v.FeedRows!;
                    if (rows.InNumerator is { } numerator)
                    {
                        // a share: which rows make its numerator, which are in its denominator only
                        printer.Line($"  {v.Period} from {v.FileName}: {rows.Metric} ({rows.Parameters}): {N(numerator)} of {N(rows.Counted)} rows");
                        printer.Line($"    numerator ({N(numerator)} rows), first {rows.NumeratorFirst.Count}:");
                        foreach (var line in rows.NumeratorFirst) printer.Line("      " + line);
                        printer.Line($"    denominator only ({N(rows.Counted - numerator)} rows), first {rows.DenominatorOnlyFirst.Count}:");
                        foreach (var line in rows.DenominatorOnlyFirst) printer.Line("      " + line);
                        continue;
                    }
                    printer.Line($"  {v.Period} from {v.FileName}: {rows.Metric} ({rows.Parameters}) counted {N(rows.Counted)} rows; first {rows.First.Count}:");
                    foreach (var line in rows.First) printer.Line("    " + line);
                }
                printer.Line();
            }
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static string N(long count) => ItalianFormat.Number(count);

    /// <summary>"archived in folder …/ab/cd/abcd…, 12.345 bytes, stored 2026-01-31 02:00 UTC", or why the original cannot be shown.</summary>
    private static string Archived(TracedValue v) => v.Archived is { } a
        ? $"archived in {(a.Store == "database" ? a.Location : "folder, " + a.Location)}, {N(a.SizeBytes)} bytes{(a.IsExtractionJson ? " (the reviewed extraction JSON loaded)" : "")}, " +
          $"stored {a.StoredAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"
        : "not in the archive (loaded before it, or its entry is missing: 'pipeline archive verify' lists them)";

    /// <summary>"staged rows removed on 2026-01-31 (superseded feed past its retention); kept: metric …, 1.234 rows read".</summary>
    private static string RemovedRows(TracedValue v)
    {
        var kept = "";
        if (v.Detail is not null)
        {
            using var detail = System.Text.Json.JsonDocument.Parse(v.Detail);
            var root = detail.RootElement;
            string Get(string name) => !root.TryGetProperty(name, out var e) ? "?"
                : e.ValueKind == System.Text.Json.JsonValueKind.Number && e.TryGetInt64(out var n) ? N(n) : e.ToString();
            kept = $"; kept: metric {Get("metric")} ({Get("parameters")}), {Get("rows_read")} rows read, {Get("rows_staged")} staged, " +
                   $"{Get("rows_quarantined")} quarantined, file sha256 {Get("feed_sha256")}";
        }
        var file = v.Archived is null ? "" : "; the archived file keeps its rows";
        return $"staged rows removed on {v.RowsRemovedAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC (superseded feed past its retention){kept}{file}";
    }

    /// <summary>The value in the human format (the raw text has its own column).</summary>
    private static string? ReadAs(TracedValue v, string? unit) =>
        v.ValueKind == "target" ? ItalianFormat.Target(v.Operator, v.Value, unit, v.ValueText) : ItalianFormat.Value(v.Value, unit, v.ValueText);

    /// <summary>The position as <see cref="SourceRef"/> writes it for people (a page's box in whole points; the JSON keeps the box as recorded).</summary>
    private static string Where(TracedValue v)
    {
        if (v is not { SourceKind: "page", Page: { } page, Bbox: { } bbox }) return v.Location;
        var box = bbox.Split(',').Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToList();
        return box.Count == 4 && box.All(double.IsFinite) ? SourceRef.ForPage(page, box).ToString() : v.Location;
    }
}
