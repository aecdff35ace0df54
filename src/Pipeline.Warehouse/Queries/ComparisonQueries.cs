using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Queries;

/// <summary>One row of <c>v_indicator_comparison</c> (migration 0019): a chamber's figures on a standard indicator for
/// a year, its rank in its region and the region's median and quartiles of the actuals.</summary>
public sealed class ComparisonRow
{
    public string IndicatorCode { get; init; } = "";
    public string Indicator { get; init; } = "";
    public string? Unit { get; init; }
    public string? Polarity { get; init; }
    public string ChamberCode { get; init; } = "";
    public string Chamber { get; init; } = "";
    public string Region { get; init; } = "";
    public int Year { get; init; }
    public decimal? Target { get; init; }
    public decimal? Actual { get; init; }
    public decimal? Achievement { get; init; }
    public int? Rank { get; init; }
    public int Chambers { get; init; }
    public decimal? FirstQuartile { get; init; }
    public decimal? Median { get; init; }
    public decimal? ThirdQuartile { get; init; }
}

/// <summary>Reads the comparison of chambers on standard indicators.</summary>
public sealed class ComparisonQueries(SqlDialect dialect)
{
    /// <summary>Every row, or those of one indicator code; ordered by indicator, year, region, rank (unranked last), chamber.</summary>
    public async Task<IReadOnlyList<ComparisonRow>> ListAsync(string? indicatorCode = null, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<ComparisonRow>(new CommandDefinition(
            """
            SELECT i.code AS IndicatorCode, i.name AS Indicator, i.unit AS Unit, i.polarity AS Polarity,
                   c.code AS ChamberCode, c.name AS Chamber, v.region AS Region, v.year AS Year,
                   v.target AS Target, v.actual AS Actual, v.achievement AS Achievement, v.rank AS Rank, v.chambers AS Chambers,
                   v.first_quartile AS FirstQuartile, v.median AS Median, v.third_quartile AS ThirdQuartile
            FROM v_indicator_comparison v
            JOIN dim_indicator i ON i.indicator_id = v.indicator_id
            JOIN dim_chamber c   ON c.chamber_id = v.chamber_id
            WHERE CAST(@indicatorCode AS TEXT) IS NULL OR i.code = @indicatorCode
            ORDER BY i.code, v.year, v.region, CASE WHEN v.rank IS NULL THEN 1 ELSE 0 END, v.rank, c.code
            """, new { indicatorCode }, cancellationToken: ct));
        return rows.ToList();
    }
}
