using Pipeline.Core.Chambers;
using Pipeline.Warehouse.Dialects;
using Serilog;

namespace Pipeline.Cli;

/// <summary>A usage or configuration error: exit code 2 with a one-line message.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>What every command needs: the warehouse, the config folder, the logger and the output mode.</summary>
public sealed class CliContext(string warehouse, string configDirectory, ILogger logger, ConsoleMode mode)
{
    public const string DefaultWarehouse = "Data Source=./data/warehouse.db";

    public string ConfigDirectory { get; } = configDirectory;
    public ILogger Logger { get; } = logger;
    public ConsoleMode Mode { get; } = mode;

    private SqlDialect? _dialect;

    /// <summary>The warehouse; made on first use (an SQLite file's folder is created then: the command will write).</summary>
    public SqlDialect Dialect => _dialect ??= CreateDialect(warehouse, createStorage: true);

    /// <summary>
    /// For commands that only read: an SQLite warehouse that does not exist is not created (no folder, no empty file);
    /// the command stops with one line saying so.
    /// </summary>
    public void RequireExistingWarehouse()
    {
        var dialect = CreateDialect(warehouse, createStorage: false);
        if (dialect is SqliteDialect { DataSource: var file } && file != ":memory:" && !File.Exists(file))
            throw new UsageException($"no warehouse at {Path.GetFullPath(file)}: run 'pipeline init' first, or give --warehouse");
        _dialect ??= dialect;
    }

    /// <summary>The warehouse is a PostgreSQL server (checked without creating an SQLite file).</summary>
    public bool WarehouseIsPostgres => CreateDialect(warehouse, createStorage: false) is PostgresDialect;

    /// <summary>The metric bindings of config/metrics.json (none when the file is absent); a bad file is a configuration error.</summary>
    public Pipeline.Jobs.Feeds.MetricBindings MetricBindings()
    {
        return Pipeline.Jobs.Feeds.MetricBindings.FromDirectory(ConfigDirectory);
    }

    /// <summary>The manual KPI matches of config/kpi-matches.json (none when absent); a bad file is a configuration error.</summary>
    public IReadOnlyList<Pipeline.Warehouse.Loading.KpiManualMatch> KpiMatches()
    {
        return Pipeline.Jobs.Identity.KpiMatchConfig.FromDirectory(ConfigDirectory);
    }

    /// <summary>
    /// --chamber takes a code or a name, case-insensitive (FG, Foggia, frosinone-latina), or the province code of a
    /// merged chamber (CB or IS for CBIS, as the Molise registry exports name it).
    /// </summary>
    public static string? ChamberCode(string? chamber)
    {
        if (string.IsNullOrWhiteSpace(chamber)) return null;
        return ChamberResolver.LookupWithProvince(chamber)?.Code
            ?? throw new UsageException($"--chamber '{chamber}' is not a known chamber of commerce (use a province code such as FG, or a name such as Foggia)");
    }

    private static SqlDialect CreateDialect(string warehouse, bool createStorage)
    {
        try
        {
            return SqlDialect.FromConnectionString(warehouse, createStorage);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--warehouse: {ex.Message}");
        }
    }
}

/// <summary>How to write to the console: rich (Spectre tables and progress on a terminal) or plain text when piped.</summary>
public sealed record ConsoleMode(bool RichOutput, bool RichProgress, bool Quiet);
