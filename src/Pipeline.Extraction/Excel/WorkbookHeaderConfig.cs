using Pipeline.Core.Configuration;
using System.Text.Json.Serialization;
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

    /// <exception cref="ConfigException">The file is not valid; the message names the file and the setting.</exception>
    public static WorkbookHeaderConfig Parse(string json, string origin)
    {
        var file = ConfigFile.Parse<WorkbookHeadersFile>(json, origin);
        var root = ConfigSetting.Root(origin);
        var synonyms = new List<(ColumnRole, string)>();
        foreach (var (name, list) in root["roles"].Required(file.Roles, "the header synonyms of each column role"))
        {
            if (!Enum.TryParse<ColumnRole>(name.Replace("_", ""), ignoreCase: true, out var role))
                throw root["roles"][name].Error($"unknown role (known: {ConfigEnumConverterFactory.Codes(typeof(ColumnRole))})");
            synonyms.AddRange(list.Select(synonym => (role, TextKey.Normalize(synonym))));
        }
        var legend = (file.LegendMarkers ?? []).Select(x => TextKey.Normalize(x)).Where(x => x.Length > 0).ToList();
        return new WorkbookHeaderConfig(root["headerSearchRows"].InRange(file.HeaderSearchRows, 1, 1000, "rows"), synonyms, legend);
    }

    private sealed record WorkbookHeadersFile(Dictionary<string, List<string?>>? Roles, [property: JsonPropertyName("legendMarkers")] List<string?>? LegendMarkers)
    {
        [JsonPropertyName("headerSearchRows")]
        public int HeaderSearchRows { get; init; } = 30;
    }

    private static WorkbookHeaderConfig LoadDefault()
    {
        using var stream = typeof(WorkbookHeaderConfig).Assembly.GetManifestResourceStream("config/" + FileName)
            ?? throw new InvalidOperationException($"built-in {FileName} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in " + FileName);
    }
}
