using Dapper;
using Pipeline.Warehouse.Loading;
using Pipeline.Warehouse.Migrations;

namespace Pipeline.Warehouse.Tests;

/// <summary>
/// 0013_bounded_history on a warehouse that already holds documents (on SQLite it rebuilds dim_document with foreign
/// keys off): every row, view and index is still there — an index a script before it added included — foreign keys
/// are enforced again, and sha256 is unique per chamber.
/// </summary>
public abstract class BoundedHistoryMigrationTests(string dialect)
{
    private static LoadRequest Request(Pipeline.Core.Extraction.ExtractedDocument doc) => new(doc, "/data/in/" + doc.Document.File, doc.Document.Sha256);

    [Fact]
    public async Task The_rebuild_keeps_every_row_view_and_index_and_enforces_the_foreign_keys_again()
    {
        await using var wh = await TestWarehouse.CreateAsync(dialect);
        var migrations = await EarlierMigrations.ApplyBeforeAsync(wh, "0013");
        await using (var connection = await wh.Dialect.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO dim_chamber (code, name, region, names) VALUES ('FG', 'Foggia', 'Puglia', 'Foggia')");
            // an index on dim_document that an earlier script added (as another branch's 0012 might)
            await connection.ExecuteAsync("CREATE INDEX ix_test_document_run ON dim_document (run_id)");
        }
        var loaded = await new DocumentLoader(wh.Dialect).LoadAsync(Request(Documents.FoggiaMonitoring()));
        await new DocumentLoader(wh.Dialect).LoadAsync(Request(Documents.FoggiaMonitoring("sha-foggia-2", 25m)));
        var documents = await wh.QueryAsync("SELECT document_id, sha256, is_current, supersedes_id, superseded_by_id, logical_key FROM dim_document ORDER BY document_id");
        var facts = await wh.CountAsync("fact_kpi_measurement");
        var kpiPeriods = await wh.CountAsync("v_kpi_period");

        var applied = await new MigrationRunner(wh.Dialect).ApplyAsync();

        // 0013 and every script after it (0014_source_archive: an old warehouse gets an empty archive)
        Assert.Equal(migrations.Select(m => m.Version).Where(v => string.CompareOrdinal(v, "0013") >= 0), applied.Select(m => m.Version));
        Assert.Equal(0, await wh.CountAsync("source_archive"));
        Assert.Equal(
            documents.Select(d => $"{d.document_id} {d.sha256} {d.is_current} {d.supersedes_id} {d.superseded_by_id} {d.logical_key}"),
            (await wh.QueryAsync("SELECT document_id, sha256, is_current, supersedes_id, superseded_by_id, logical_key FROM dim_document ORDER BY document_id"))
                .Select(d => $"{d.document_id} {d.sha256} {d.is_current} {d.supersedes_id} {d.superseded_by_id} {d.logical_key}"));
        Assert.Equal(facts, await wh.CountAsync("fact_kpi_measurement"));
        Assert.Equal(kpiPeriods, await wh.CountAsync("v_kpi_period"));
        Assert.Equal(0, await wh.CountAsync("dim_document", "rows_removed_at IS NOT NULL"));
        var indexes = dialect == "sqlite"
            ? "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'dim_document' AND sql IS NOT NULL"
            : "SELECT indexname FROM pg_indexes WHERE tablename = 'dim_document'";
        var names = (await wh.QueryAsync(indexes)).Select(r => (string)((IDictionary<string, object>)r).Values.Single()).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "ux_document_current", "ix_document_review", "ix_test_document_run", "ux_document_chamber_sha256", "ix_document_feed_rows_kept" });

        // the same bytes again for the same chamber change nothing; a row naming no document is refused
        Assert.Equal(LoadOutcome.Unchanged, (await new DocumentLoader(wh.Dialect).LoadAsync(Request(Documents.FoggiaMonitoring()))).Outcome);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => wh.ScalarAsync<long>(
            "INSERT INTO lineage (document_id, field, kind) VALUES (@missing, 'kpi', 'none') RETURNING lineage_id", new { missing = loaded.DocumentId + 1000 }));
        if (dialect == "sqlite")
            Assert.Empty(await wh.QueryAsync("PRAGMA foreign_key_check"));
    }
}

public sealed class SqliteBoundedHistoryMigrationTests() : BoundedHistoryMigrationTests("sqlite");

public sealed class PostgresBoundedHistoryMigrationTests() : BoundedHistoryMigrationTests("postgres");
