namespace Pipeline.Warehouse.Achievement;

/// <summary>
/// The current target and the current actual of each KPI and period of a chosen set of KPIs — a plan's, a chamber's
/// — by the rules of <c>v_kpi_period</c> (sql/*/0005: the latest current document's target; a document's actual
/// before a feed's, then the latest), with the KPIs chosen <em>before</em> the versions are ranked. The view ranks
/// every chamber's facts and filters afterwards (a filter cannot pass its window functions), so a chamber's
/// computation through it costs what the whole warehouse costs; this query reads only the chosen KPIs' rows, by
/// the indexes of sql/*/0012.
/// </summary>
public static class CurrentKpiValues
{
    /// <summary>The KPIs of the plan <c>@PlanId</c>.</summary>
    public const string OfPlan = "SELECT kpi_id FROM dim_kpi WHERE plan_id = @PlanId";

    /// <summary>The KPIs of every plan of the chamber <c>@chamberCode</c>.</summary>
    public const string OfChamber =
        "SELECT k.kpi_id FROM dim_kpi k JOIN dim_plan pl ON pl.plan_id = k.plan_id JOIN dim_chamber c ON c.chamber_id = pl.chamber_id WHERE c.code = @chamberCode";

    /// <summary>
    /// One row per KPI of <paramref name="kpis"/> (a query of <c>kpi_id</c>s) and period with a current target or
    /// actual, kept where <paramref name="where"/> holds: kpi_id, objective_id, name, period (code), year, operator,
    /// target_num, target_flag, target_date, target_raw, target_weight, target_document, actual_num, actual_flag,
    /// actual_date, actual_raw, actual_document; ordered by KPI and period.
    /// </summary>
    public static string Select(string kpis, string where = "1 = 1") =>
        $"""
        WITH targets AS (
            SELECT f.kpi_id, f.period_id, f.operator, f.value_num, f.value_flag, f.value_date, f.raw, f.weight, f.document_id,
                   ROW_NUMBER() OVER (PARTITION BY f.kpi_id, f.period_id ORDER BY d.loaded_at DESC, d.document_id DESC) AS rn
            FROM fact_kpi_target f
            JOIN dim_document d ON d.document_id = f.document_id
            WHERE d.is_current AND f.kpi_id IN ({kpis})
        ),
        actuals AS (
            SELECT f.kpi_id, f.period_id, f.value_num, f.value_flag, f.value_date, f.raw, f.document_id,
                   ROW_NUMBER() OVER (PARTITION BY f.kpi_id, f.period_id
                                      ORDER BY CASE WHEN d.doc_type = 'feed' THEN 1 ELSE 0 END, d.loaded_at DESC, d.document_id DESC) AS rn
            FROM fact_kpi_measurement f
            JOIN dim_document d ON d.document_id = f.document_id
            WHERE d.is_current AND f.kpi_id IN ({kpis})
        ),
        kpi_periods AS (
            SELECT kpi_id, period_id FROM targets WHERE rn = 1
            UNION
            SELECT kpi_id, period_id FROM actuals WHERE rn = 1
        )
        SELECT kp.kpi_id AS kpi_id, k.objective_id AS objective_id, k.name AS name, p.code AS period, p.year AS year,
               t.operator AS operator, t.value_num AS target_num, t.value_flag AS target_flag, t.value_date AS target_date,
               t.raw AS target_raw, t.weight AS target_weight, t.document_id AS target_document,
               a.value_num AS actual_num, a.value_flag AS actual_flag, a.value_date AS actual_date, a.raw AS actual_raw,
               a.document_id AS actual_document
        FROM kpi_periods kp
        JOIN dim_kpi k ON k.kpi_id = kp.kpi_id
        JOIN dim_period p ON p.period_id = kp.period_id
        LEFT JOIN targets t ON t.kpi_id = kp.kpi_id AND t.period_id = kp.period_id AND t.rn = 1
        LEFT JOIN actuals a ON a.kpi_id = kp.kpi_id AND a.period_id = kp.period_id AND a.rn = 1
        WHERE {where}
        ORDER BY kp.kpi_id, p.code
        """;
}
