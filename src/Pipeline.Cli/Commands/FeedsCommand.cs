using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Output;
using Pipeline.Core.Feeds;
using Pipeline.Core.Values;
using Pipeline.Extraction.Feeds;
using Pipeline.Jobs.Feeds;

namespace Pipeline.Cli.Commands;

public static class FeedsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "a registry feed (.csv/.tsv/.txt: Priamo practice export or company list)" };
        var metric = new Option<string>("--metric") { Description = "metric id (ri.practices_within_days, ri.mean_processing_days, registry.active_companies, registry.section_companies, registry.section_growth_pct, registry.cassetto_share)", Required = true };
        var param = new Option<string[]>("--param") { Description = "a metric parameter k=v (repeatable), e.g. --param days=5 --param days_kind=working", AllowMultipleArgumentsPerToken = false };
        var period = new Option<string>("--period") { Description = "the period: 2021, 2021-S1, 2021-Q3, 2021-03", Required = true };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var compute = new Command("compute", "compute one metric from a feed file (no warehouse)") { file, metric, param, period, json };
        compute.SetAction((parse, ct) => globals.RunAsync(parse, (cli, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"'{path}': no such file");
            if (!Period.TryParse(parse.GetValue(period), out var p))
                throw new UsageException($"--period '{parse.GetValue(period)}' is not a period (2021, 2021-S1, 2021-Q3, 2021-03)");
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var kv in parse.GetValue(param) ?? [])
            {
                var eq = kv.IndexOf('=');
                if (eq <= 0) throw new UsageException($"--param '{kv}': expected k=v");
                parameters[kv[..eq].Trim()] = kv[(eq + 1)..].Trim();
            }
            FeedComputeResult computed;
            try
            {
                computed = FeedCompute.Run(path, FeedHeaderConfig.FromDirectory(cli.ConfigDirectory), FeedSalt.Resolve(), parse.GetValue(metric)!, parameters, p, token);
            }
            catch (MetricException ex)
            {
                throw new UsageException(ex.Message);
            }
            var r = computed.Result;
            foreach (var error in computed.FirstErrors) Console.Error.WriteLine($"quarantined: {Path.GetFileName(path)} row {error.RowNumber}: {error.Reason}");
            if (computed.RowsQuarantined > computed.FirstErrors.Count)
                Console.Error.WriteLine($"quarantined: … {computed.RowsQuarantined - computed.FirstErrors.Count} more rows");
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new
                {
                    metric = r.Metric, period = r.Period, value = r.Value, unit = r.Unit, numerator = r.Numerator, denominator = r.Denominator,
                    rows_read = computed.RowsRead, rows_quarantined = computed.RowsQuarantined, parameters = computed.Parameters,
                });
                return Task.FromResult(ExitCodes.Ok);
            }
            var printer = new Printer(cli.Mode);
            string N(long? v) => v is { } n ? ItalianFormat.Number(n) : "-";
            printer.Line($"{r.Metric} ({computed.Parameters}) for {r.Period}: {(r.Value is { } v ? ItalianFormat.WithUnit(v, r.Unit) : "not measurable (empty population)")}");
            printer.Line($"numerator {N(r.Numerator)}, denominator {N(r.Denominator)}; {N(computed.RowsRead)} rows read, {N(computed.RowsQuarantined)} quarantined ({computed.Kind.ToCode()} feed)");
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return new Command("feeds", "registry feeds: compute metrics from practice exports and company lists") { compute };
    }
}
