using Pipeline.Warehouse.Tests;

namespace Pipeline.Cli.Tests.Hostile;

/// <summary>
/// What the warehouse holds for one loaded document (by sha256): KPIs, targets, actuals, staged and quarantined rows;
/// whether it is the current version, and whether it ever was (current, or superseded by a later version).
/// </summary>
public sealed record DocumentFacts(string Sha256, string FilePath, string LogicalKey, bool IsCurrent, bool WasCurrent, long Kpis, long Targets, long Actuals, long Staged, long Quarantined)
{
    /// <summary>Facts without the file's identity, to compare two loads of the same bytes.</summary>
    public string Figures => $"{Kpis} KPIs, {Targets} targets, {Actuals} actuals, {Staged} staged, {Quarantined} quarantined";

    public long Values => Targets + Actuals;

    public static async Task<List<DocumentFacts>> ReadAsync(TestWarehouse warehouse)
    {
        var rows = await warehouse.QueryAsync(
            """
            SELECT d.sha256, d.file_path, d.logical_key, d.is_current,
                   CASE WHEN d.is_current OR EXISTS (SELECT 1 FROM dim_document n WHERE n.supersedes_id = d.document_id) THEN 1 ELSE 0 END AS was_current,
                   (SELECT COUNT(*) FROM doc_kpi k WHERE k.document_id = d.document_id) AS kpis,
                   (SELECT COUNT(*) FROM fact_kpi_target t WHERE t.document_id = d.document_id) AS targets,
                   (SELECT COUNT(*) FROM fact_kpi_measurement m WHERE m.document_id = d.document_id) AS actuals,
                   (SELECT COUNT(*) FROM stg_practice s WHERE s.document_id = d.document_id)
                     + (SELECT COUNT(*) FROM stg_company c WHERE c.document_id = d.document_id) AS staged,
                   (SELECT COUNT(*) FROM quarantine q WHERE q.document_id = d.document_id) AS quarantined
            FROM dim_document d
            """);
        return rows.Select(r => new DocumentFacts((string)r.sha256, (string)r.file_path, (string)r.logical_key, Convert.ToBoolean(r.is_current), Convert.ToInt64(r.was_current) == 1,
            Convert.ToInt64(r.kpis), Convert.ToInt64(r.targets), Convert.ToInt64(r.actuals), Convert.ToInt64(r.staged), Convert.ToInt64(r.quarantined))).ToList();
    }
}
