using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Tests;

/// <summary>Which warehouse a --warehouse value selects.</summary>
public sealed class DialectSelectionTests
{
    [Theory]
    [InlineData("Data Source=/tmp/pipeline-dialect/a.db", "/tmp/pipeline-dialect/a.db")]
    [InlineData("/tmp/pipeline-dialect/b.db", "/tmp/pipeline-dialect/b.db")] // a bare path is an SQLite file
    [InlineData("pipeline-dialect-c.db", "pipeline-dialect-c.db")]
    public void Anything_without_a_host_is_an_sqlite_file(string value, string file)
    {
        var dialect = Assert.IsType<SqliteDialect>(SqlDialect.FromConnectionString(value));
        Assert.Equal(file, dialect.DataSource);
    }

    [Fact]
    public void A_host_selects_postgresql() =>
        Assert.IsType<PostgresDialect>(SqlDialect.FromConnectionString("Host=127.0.0.1;Port=5432;Username=pipeline;Database=pipeline"));

    [Fact]
    public void An_empty_value_is_an_error() =>
        Assert.Throws<ArgumentException>(() => SqlDialect.FromConnectionString(" "));
}
