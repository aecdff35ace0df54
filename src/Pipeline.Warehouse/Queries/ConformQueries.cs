using Dapper;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Queries;

/// <summary>A KPI of a current document that needs a look: matched only by similarity, uncertain, or unmatched.</summary>
public sealed class ConformRow
{
    public string ChamberCode { get; init; } = "";
    public string FileName { get; init; } = "";
    public string DocType { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Code { get; init; }
    public double? Score { get; init; }
    public long KpiId { get; init; }
    public long? CandidateId { get; init; }
    public string? CandidateName { get; init; }

    /// <summary>1 when the match needs a decision: uncertain, or unmatched and still defined by no current plan.</summary>
    public long ReviewFlag { get; init; }

    /// <summary>True when the match needs a decision (what the default report lists).</summary>
    public bool ToReview => ReviewFlag != 0;

    /// <summary>Where the match stands: "to review", "taken" (a similar or manual match) or "defined by the plan since" (unmatched when loaded).</summary>
    public string Status => ToReview ? "to review" : Kind == "unmatched" ? "defined by the plan since" : "taken";
}

/// <summary><c>pipeline conform report</c>: the KPI matches of current documents that are uncertain or missing.</summary>
public sealed class ConformQueries(SqlDialect dialect)
{
    /// <summary>
    /// The matches to review (<see cref="ConformRow.ToReview"/>): uncertain ones, and KPIs of reports no plan defines
    /// (an unmatched KPI stops being to review once a current plan gives it a target: the plan loaded after the
    /// report defines it). With <paramref name="all"/> every match recorded for the current documents, the ones to
    /// review among them: also the matches taken by similarity or by hand and the unmatched KPIs a plan has defined since.
    /// </summary>
    public async Task<IReadOnlyList<ConformRow>> ReportAsync(string? chamberCode, bool all = false, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var rows = await connection.QueryAsync<ConformRow>(new CommandDefinition(
            """
            SELECT c.code AS ChamberCode, d.file_name AS FileName, d.doc_type AS DocType, m.kind AS Kind, m.name AS Name, m.code AS Code,
                   m.score AS Score, m.kpi_id AS KpiId, m.candidate_kpi_id AS CandidateId, k.name AS CandidateName,
                   CAST(CASE WHEN m.kind = 'uncertain' OR (m.kind = 'unmatched' AND NOT EXISTS (
                        SELECT 1 FROM fact_kpi_target t JOIN dim_document p ON p.document_id = t.document_id
                        WHERE t.kpi_id = m.kpi_id AND p.is_current AND p.doc_type = 'piano')) THEN 1 ELSE 0 END AS BIGINT) AS ReviewFlag
            FROM conform_match m
            JOIN dim_document d ON d.document_id = m.document_id
            JOIN dim_chamber c ON c.chamber_id = d.chamber_id
            LEFT JOIN dim_kpi k ON k.kpi_id = m.candidate_kpi_id
            WHERE d.is_current AND (@chamberCode IS NULL OR c.code = @chamberCode)
            ORDER BY c.code, d.file_name, m.conform_match_id
            """, new { chamberCode }, cancellationToken: ct));
        return rows.Where(r => all || r.ToReview).ToList();
    }
}
