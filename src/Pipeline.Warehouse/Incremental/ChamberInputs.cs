using System.Globalization;
using System.Text;
using Dapper;
using Pipeline.Core.Incremental;
using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Incremental;

/// <summary>
/// What a chamber's per-step computations read from the warehouse, as fingerprint parts, and the fingerprint each
/// step last computed from (<c>chamber_step_inputs</c>, sql/*/0012). The parts: <c>documents</c> — every document of
/// the chamber with whether it is current and its review state (a new file, a superseding version, a feed version,
/// an accepted or rejected held version); <c>facts</c> — the count and highest id of its targets and measurements
/// (values added to a document already loaded). Every query reads the chamber's rows alone, by index.
/// </summary>
public sealed class ChamberInputs(SqlDialect dialect, TimeProvider? clock = null)
{
    public const string Achievement = "achievement";
    public const string Alerts = "alerts";

    /// <summary>The chamber's (<c>@chamberId</c>) documents, current or not, with their review state.</summary>
    public const string Documents = "SELECT document_id, is_current, review_status FROM dim_document WHERE chamber_id = @chamberId ORDER BY document_id";

    /// <summary>The count and highest id of the chamber's targets.</summary>
    public const string Targets =
        "SELECT COUNT(*), COALESCE(MAX(f.target_id), 0) FROM fact_kpi_target f WHERE f.document_id IN (SELECT document_id FROM dim_document WHERE chamber_id = @chamberId)";

    /// <summary>The count and highest id of the chamber's measurements.</summary>
    public const string Measurements =
        "SELECT COUNT(*), COALESCE(MAX(f.measurement_id), 0) FROM fact_kpi_measurement f WHERE f.document_id IN (SELECT document_id FROM dim_document WHERE chamber_id = @chamberId)";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The chamber's data parts: <c>documents</c> and <c>facts</c>.</summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> DataAsync(string chamberCode, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        var chamberId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT chamber_id FROM dim_chamber WHERE code = @chamberCode", new { chamberCode }, cancellationToken: ct));
        if (chamberId is null) return [("documents", ""), ("facts", "")];

        var documents = new StringBuilder();
        foreach (var d in await connection.QueryAsync(new CommandDefinition(
            Documents, new { chamberId }, cancellationToken: ct)))
            documents.Append(CultureInfo.InvariantCulture, $"{d.document_id}:{d.is_current}:{d.review_status};");
        var targets = await connection.QueryFirstAsync<(long Count, long Max)>(new CommandDefinition(
            Targets, new { chamberId }, cancellationToken: ct));
        var measurements = await connection.QueryFirstAsync<(long Count, long Max)>(new CommandDefinition(
            Measurements, new { chamberId }, cancellationToken: ct));
        return [("documents", documents.ToString()), ("facts", $"targets {targets.Count}/{targets.Max}, measurements {measurements.Count}/{measurements.Max}")];
    }

    /// <summary>The fingerprint a step of the chamber last computed from, or null.</summary>
    public async Task<string?> StoredAsync(string chamberCode, string step, CancellationToken ct = default)
    {
        await using var connection = await dialect.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT fingerprint FROM chamber_step_inputs WHERE chamber_code = @chamberCode AND step = @step", new { chamberCode, step }, cancellationToken: ct));
    }

    /// <summary>Records what a step of the chamber has just computed from.</summary>
    public async Task StoreAsync(string chamberCode, string step, InputsFingerprint fingerprint, CancellationToken ct = default)
    {
        await using var writing = await dialect.Writes.EnterAsync(ct);
        await using var connection = await dialect.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO chamber_step_inputs (chamber_code, step, fingerprint, computed_at) VALUES (@chamberCode, @step, @fingerprint, @now)
            ON CONFLICT (chamber_code, step) DO UPDATE SET fingerprint = excluded.fingerprint, computed_at = excluded.computed_at
            """, new { chamberCode, step, fingerprint = fingerprint.ToString(), now = dialect.Timestamp(_clock.GetUtcNow()) }, cancellationToken: ct));
    }
}
