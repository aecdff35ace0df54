using System.Data.Common;
using Dapper;
using Pipeline.Core.Indicators;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Indicators;

/// <summary>
/// dim_indicator and the links of dim_kpi to it (docs/indicators.md): reads the chambers' KPIs with the unit and
/// polarity their documents show, and applies <see cref="IndicatorLinker"/>'s outcome. Links by code and by
/// configuration are recomputed whole on each application (only the differences written), so a decision removed
/// from the configuration unlinks.
/// </summary>
public sealed class IndicatorStore(SqlDialect dialect)
{
    /// <summary>Every KPI of every plan, with its chamber, unit and the polarity its targets imply.</summary>
    public async Task<IReadOnlyList<IndicatorKpi>> KpisAsync(CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = (await connection.QueryAsync<KpiRow>(new CommandDefinition(
            """
            SELECT k.kpi_id AS Id, c.code AS Chamber, k.code AS Code, k.name AS Name, k.algorithm AS Algorithm,
                   CAST(COALESCE(k.unit, t.unit) AS TEXT) AS Unit, COALESCE(t.higher, 0) AS Higher, COALESCE(t.lower, 0) AS Lower
            FROM dim_kpi k JOIN dim_plan p ON p.plan_id = k.plan_id JOIN dim_chamber c ON c.chamber_id = p.chamber_id
            LEFT JOIN (SELECT kpi_id, MIN(unit) AS unit,
                              SUM(CASE WHEN operator IN ('>=', '>') THEN 1 ELSE 0 END) AS higher,
                              SUM(CASE WHEN operator IN ('<=', '<') THEN 1 ELSE 0 END) AS lower
                       FROM fact_kpi_target GROUP BY kpi_id) t ON t.kpi_id = k.kpi_id
            ORDER BY k.kpi_id
            """, cancellationToken: ct))).ToList();
        return rows.Select(r => new IndicatorKpi(r.Id, r.Chamber, r.Code, r.Name, r.Algorithm, new IndicatorTraits(r.Unit,
            // targets of both kinds say nothing sure
            r.Higher > 0 && r.Lower == 0 ? IndicatorPolarity.Higher : r.Lower > 0 && r.Higher == 0 ? IndicatorPolarity.Lower : null))).ToList();
    }

    /// <summary>The indicators of dim_indicator.</summary>
    public async Task<IReadOnlyList<Indicator>> IndicatorsAsync(CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<IndicatorRow>(new CommandDefinition(
            "SELECT code AS Code, name AS Name, unit AS Unit, polarity AS Polarity, family AS Family FROM dim_indicator ORDER BY code",
            cancellationToken: ct));
        return rows.Select(r => new Indicator(r.Code, r.Name, r.Unit, IndicatorTraits.Parse(r.Polarity), Enum.Parse<IndicatorFamily>(r.Family, ignoreCase: true))).ToList();
    }

    /// <summary>
    /// Makes dim_indicator hold <paramref name="indicators"/> (inserted, or updated by code) and dim_kpi's links be
    /// <paramref name="links"/> for the KPIs <paramref name="kpis"/> (read before; a KPI loaded since is left as it is),
    /// writing only what differs, in one transaction. Nothing to change (a night where nothing did): no write at all.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<Indicator> indicators, IReadOnlyList<IndicatorKpi> kpis, IReadOnlyList<IndicatorLink> links, CancellationToken ct = default)
    {
        var wanted = links.ToDictionary(l => l.KpiId, l => (Code: l.IndicatorCode, Kind: l.Kind.ToString().ToLowerInvariant()));
        var known = kpis.Select(k => k.Id).ToHashSet();
        var stored = (await IndicatorsAsync(ct)).ToHashSet();
        var indicatorChanges = indicators.Where(i => !stored.Contains(i)).ToList();
        await using var connection = await dialect.OpenAsync(ct);
        if (indicatorChanges.Count == 0 && LinkChanges(await CurrentLinksAsync(connection, null, ct), wanted, known).Count == 0) return;

        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var i in indicatorChanges)
        {
            var values = new { code = i.Code, name = i.Name, unit = i.Unit, polarity = i.Polarity is { } p ? IndicatorTraits.Name(p) : null, family = i.Family.ToString().ToLowerInvariant() };
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE dim_indicator SET name = @name, unit = @unit, polarity = @polarity, family = @family WHERE code = @code", values, tx, cancellationToken: ct));
            if (updated == 0)
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO dim_indicator (code, name, unit, polarity, family) VALUES (@code, @name, @unit, @polarity, @family)", values, tx, cancellationToken: ct));
        }
        foreach (var (kpi, link) in LinkChanges(await CurrentLinksAsync(connection, tx, ct), wanted, known))
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE dim_kpi SET indicator_link = @kind,
                       indicator_id = (SELECT indicator_id FROM dim_indicator WHERE code = @code)
                WHERE kpi_id = @kpi
                """, new { kind = link?.Kind, code = link?.Code, kpi }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>The KPIs whose link must change, each with its new link (null: none).</summary>
    private static List<(long Kpi, (string Code, string Kind)? Link)> LinkChanges(
        Dictionary<long, (string Code, string Kind)> current, Dictionary<long, (string Code, string Kind)> wanted, HashSet<long> known)
    {
        var changes = new List<(long, (string, string)?)>();
        foreach (var (kpi, link) in wanted)
            if (!current.TryGetValue(kpi, out var now) || now != link) changes.Add((kpi, link));
        foreach (var kpi in current.Keys)
            if (!wanted.ContainsKey(kpi) && known.Contains(kpi)) changes.Add((kpi, null));
        return changes;
    }

    private static async Task<Dictionary<long, (string Code, string Kind)>> CurrentLinksAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        (await connection.QueryAsync<(long Kpi, string Code, string Kind)>(new CommandDefinition(
            "SELECT k.kpi_id, i.code, k.indicator_link FROM dim_kpi k JOIN dim_indicator i ON i.indicator_id = k.indicator_id",
            transaction: tx, cancellationToken: ct)))
        .ToDictionary(r => r.Kpi, r => (r.Code, r.Kind));

    private sealed record KpiRow(long Id, string Chamber, string? Code, string Name, string? Algorithm, string? Unit, long Higher, long Lower);

    private sealed record IndicatorRow(string Code, string Name, string? Unit, string? Polarity, string Family);
}
