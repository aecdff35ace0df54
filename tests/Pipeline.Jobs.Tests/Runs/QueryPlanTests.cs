using System.Text.RegularExpressions;
using Dapper;
using Pipeline.Warehouse.Achievement;
using Pipeline.Warehouse.Incremental;

namespace Pipeline.Jobs.Tests.Runs;

/// <summary>
/// The queries a chamber's night runs for itself — its current targets and actuals, the replacement of its computed
/// achievement and their rule lineage, its inputs fingerprint, ingest's document look-ups, its open alerts — read
/// the chamber's rows by index, never by scanning a table that holds every chamber's rows: the plans
/// (<c>EXPLAIN QUERY PLAN</c> on SQLite, <c>EXPLAIN</c> on PostgreSQL) on a region of several chambers loaded by the
/// real nightly run. On PostgreSQL sequential scans are disabled for the session (<c>enable_seqscan = off</c>), so a
/// small test table cannot hide a missing index: the planner still scans a table sequentially when no index serves
/// the query, and that is what the assertion catches.
/// </summary>
public sealed class QueryPlanTests
{
    public static TheoryData<string> Dialects => new() { "sqlite", "postgres" };

    /// <summary>The tables whose size is the whole region's (every chamber's facts, lineage and documents).</summary>
    private static readonly string[] Big =
    [
        "lineage", "fact_kpi_target", "fact_kpi_measurement", "fact_kpi_achievement", "fact_objective_achievement", "dim_document", "alert",
    ];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_chambers_queries_use_indexes_and_scan_no_table_of_the_whole_region(string dialect)
    {
        await using var bed = await RegionBed.CreateAsync(dialect, 5);
        foreach (var chamber in bed.Chambers)
            await bed.Night(new DateOnly(2024, 5, 10)).RunAsync(chamber);

        await using var connection = await bed.Warehouse.Dialect.OpenAsync();
        var chamberCode = bed.Chambers[2].Code;
        var chamberId = await connection.ExecuteScalarAsync<long>("SELECT chamber_id FROM dim_chamber WHERE code = @chamberCode", new { chamberCode });
        var planId = await connection.ExecuteScalarAsync<long>("SELECT plan_id FROM dim_plan WHERE chamber_id = @chamberId", new { chamberId });
        var periodId = await connection.ExecuteScalarAsync<long>("SELECT period_id FROM dim_period WHERE code = '2021'");
        var document = await connection.QueryFirstAsync<(string Sha, string Key)>(
            "SELECT sha256, logical_key FROM dim_document WHERE chamber_id = @chamberId ORDER BY document_id", new { chamberId });
        var chunk = (await connection.QueryAsync<long>("SELECT lineage_id " + AchievementComputer.ComputedKpiFacts, new { planId, periodId })).ToArray();
        Assert.NotEmpty(chunk);

        var queries = new (string What, string Sql, object Args)[]
        {
            ("a plan's current targets and actuals of a year", CurrentKpiValues.Select(CurrentKpiValues.OfPlan, "p.year = @year"), new { PlanId = planId, year = 2021 }),
            ("a chamber's current actuals (alerts)", CurrentKpiValues.Select(CurrentKpiValues.OfChamber, "a.raw IS NOT NULL"), new { chamberCode }),
            ("a plan's computed KPI facts of a period", "SELECT lineage_id " + AchievementComputer.ComputedKpiFacts, new { planId, periodId }),
            ("a plan's computed objective facts of a period", "SELECT lineage_id " + AchievementComputer.ComputedObjectiveFacts, new { planId, periodId }),
            ("their deletion", "DELETE " + AchievementComputer.ComputedKpiFacts, new { planId, periodId }),
            ("the rule lineage they leave", AchievementComputer.UnusedRuleLineage(bed.Warehouse.Dialect), new { chunk }),
            ("the chamber's documents (fingerprint)", ChamberInputs.Documents, new { chamberId }),
            ("the chamber's targets (fingerprint)", ChamberInputs.Targets, new { chamberId }),
            ("the chamber's measurements (fingerprint)", ChamberInputs.Measurements, new { chamberId }),
            ("a document by its bytes (ingest)", "SELECT document_id FROM dim_document WHERE sha256 = @sha", new { sha = document.Sha }),
            ("the current version of a logical document (ingest)", "SELECT document_id FROM dim_document WHERE logical_key = @key AND is_current", new { key = document.Key }),
            ("a chamber's open alerts", "SELECT COUNT(*) FROM alert WHERE chamber_code = @chamberCode AND status <> 'resolved'", new { chamberCode }),
        };

        var postgres = dialect == "postgres";
        if (postgres) await connection.ExecuteAsync("SET enable_seqscan = off");
        var failures = new List<string>();
        foreach (var (what, sql, args) in queries)
        {
            var plan = postgres
                ? (await connection.QueryAsync<string>("EXPLAIN " + sql, args)).ToList()
                : (await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, args)).Select(r => (string)r.detail).ToList();
            var scans = plan.Where(line => FullScan(line, postgres)).ToList();
            if (scans.Count > 0 || !plan.Any(line => line.Contains("index", StringComparison.OrdinalIgnoreCase) || line.Contains("PRIMARY KEY", StringComparison.Ordinal)))
                failures.Add($"{what}: {string.Join(" / ", scans.DefaultIfEmpty("no index used"))}\n    {string.Join("\n    ", plan)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // the check sees a scan when there is one: lineage by a column no index holds
        var control = postgres
            ? (await connection.QueryAsync<string>("EXPLAIN SELECT COUNT(*) FROM lineage WHERE raw_text = 'x'")).ToList()
            : (await connection.QueryAsync("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM lineage WHERE raw_text = 'x'")).Select(r => (string)r.detail).ToList();
        Assert.Contains(control, line => FullScan(line, postgres));
    }

    /// <summary>A step of a plan that reads a whole-region table from end to end.</summary>
    private static bool FullScan(string line, bool postgres)
    {
        var text = line.Trim();
        if (postgres)
            return Big.Any(t => Regex.IsMatch(text, $@"Seq Scan on {t}\b"));
        // SQLite: "SCAN t", "SCAN t USING COVERING INDEX …" (the whole index), with the table's name or an alias; the
        // aliases the per-chamber queries give these tables are f and d
        var scanned = Regex.Match(text, @"^SCAN (\w+)");
        return scanned.Success && (Big.Contains(scanned.Groups[1].Value) || scanned.Groups[1].Value is "f" or "d");
    }
}
