using Pipeline.Core.Configuration;
using System.Text.Json;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Excel;

/// <summary>What a column of a monitoring workbook holds.</summary>
public enum ColumnRole
{
    Area,
    Strategic,
    ObjectiveCode,
    Objective,
    KpiCode,
    Kpi,
    KpiType,
    Algorithm,
    Unit,
    Weight,
    Baseline,
    Target,
    Actual,
    Notes,
    SourceSystem,
    OrgUnit,
    Responsible,
    Frequency,
    /// <summary>The year or period of a row, in long tables (one row per KPI and year).</summary>
    Year,
    /// <summary>The operator of the target beside it (">=", "<=", "=").</summary>
    Operator,
    /// <summary>Actual minus target, as printed; read as nothing (it is computed).</summary>
    Deviation,
    /// <summary>The achievement percentage the document reports.</summary>
    Achievement,
}

/// <summary>
/// Italian header synonyms for workbooks (config/workbook-headers.json). The copy in config/ is read when present;
/// the one built into this assembly is the default.
/// </summary>
public sealed class WorkbookHeaderConfig
{
    public const string FileName = "workbook-headers.json";

    private WorkbookHeaderConfig(int headerSearchRows, IReadOnlyList<(ColumnRole Role, string Synonym)> synonyms, IReadOnlyList<string> legendMarkers)
    {
        HeaderSearchRows = headerSearchRows;
        // Longest synonym first, so "Risultato atteso" (target) wins over "Risultato" (actual).
        Synonyms = synonyms.OrderByDescending(s => s.Synonym.Length).ToList();
        LegendMarkers = legendMarkers;
    }

    /// <summary>How many rows from the top may hold the header row.</summary>
    public int HeaderSearchRows { get; }

    /// <summary>(role, normalised synonym), longest first.</summary>
    public IReadOnlyList<(ColumnRole Role, string Synonym)> Synonyms { get; }

    /// <summary>Normalised first words of a row that ends the table ("legenda", "nota" …).</summary>
    public IReadOnlyList<string> LegendMarkers { get; }

    public static WorkbookHeaderConfig Default { get; } = LoadDefault();

    /// <summary>Reads DIR/workbook-headers.json when it exists, else the built-in default.</summary>
    public static WorkbookHeaderConfig FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return Default;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Default;
    }

    public static WorkbookHeaderConfig Parse(string json, string origin)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            var rows = root.TryGetProperty("headerSearchRows", out var r) ? r.GetInt32() : 30;
            var synonyms = new List<(ColumnRole, string)>();
            foreach (var role in root.GetProperty("roles").EnumerateObject())
            {
                if (!Enum.TryParse<ColumnRole>(role.Name.Replace("_", ""), ignoreCase: true, out var columnRole))
                    throw new FormatException($"unknown role '{role.Name}'");
                foreach (var synonym in role.Value.EnumerateArray())
                    synonyms.Add((columnRole, TextKey.Normalize(synonym.GetString())));
            }
            var legend = root.TryGetProperty("legendMarkers", out var l)
                ? l.EnumerateArray().Select(x => TextKey.Normalize(x.GetString())).Where(x => x.Length > 0).ToList()
                : [];
            return new WorkbookHeaderConfig(rows, synonyms, legend);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConfigException($"{origin}: invalid workbook header configuration: {ex.Message}", ex);
        }
    }

    private static WorkbookHeaderConfig LoadDefault()
    {
        using var stream = typeof(WorkbookHeaderConfig).Assembly.GetManifestResourceStream("config/" + FileName)
            ?? throw new InvalidOperationException($"built-in {FileName} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in " + FileName);
    }
}
