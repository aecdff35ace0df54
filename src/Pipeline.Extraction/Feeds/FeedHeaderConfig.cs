using Pipeline.Core.Configuration;
using Pipeline.Core.Feeds;
using Pipeline.Core.Text;

namespace Pipeline.Extraction.Feeds;

/// <summary>What a column of a practice export (Priamo-style) holds.</summary>
public enum PracticeColumn
{
    Protocol,
    Registered,
    Processed,
    Status,
    Fulfilment,
    SuspensionDays,
    Office,
    Chamber,
}

/// <summary>What a column of a company list (InfoCamere-style) holds.</summary>
public enum CompanyColumn
{
    Province,
    Rea,
    TaxCode,
    Name,
    LegalForm,
    Status,
    Registered,
    Ceased,
    Ateco,
    Section,
    SectionRegistered,
    Drawer,
    DrawerActivated,
}

/// <summary>
/// Italian header synonyms of the registry feeds (config/feeds.json), per kind and column role. The copy in config/
/// is read when present; <see cref="Default"/> is the built-in one. A header cell matches a synonym when both are
/// equal after <see cref="TextKey.Normalize"/> (case, accents and punctuation ignored). The first synonym of a role
/// is the name used in messages ("missing required column 'Data evasione'").
/// </summary>
public sealed class FeedHeaderConfig
{
    /// <summary>The name of the configuration file in the config directory.</summary>
    public const string FileName = "feeds.json";

    /// <summary>The columns a practice export must have.</summary>
    public static IReadOnlyList<PracticeColumn> RequiredPracticeColumns { get; } =
        [PracticeColumn.Protocol, PracticeColumn.Registered, PracticeColumn.Processed, PracticeColumn.Status];

    /// <summary>The columns a company list must have.</summary>
    public static IReadOnlyList<CompanyColumn> RequiredCompanyColumns { get; } = [CompanyColumn.Status, CompanyColumn.Registered];

    private FeedHeaderConfig(ColumnSynonyms<PracticeColumn> practices, ColumnSynonyms<CompanyColumn> companies)
    {
        PracticeSynonyms = practices;
        CompanySynonyms = companies;
    }

    internal ColumnSynonyms<PracticeColumn> PracticeSynonyms { get; }

    internal ColumnSynonyms<CompanyColumn> CompanySynonyms { get; }

    /// <summary>The header synonyms of each practice column, as written in the configuration, in its order.</summary>
    public IReadOnlyDictionary<PracticeColumn, IReadOnlyList<string>> PracticeHeaders => PracticeSynonyms.Printed;

    /// <summary>The header synonyms of each company column, as written in the configuration, in its order.</summary>
    public IReadOnlyDictionary<CompanyColumn, IReadOnlyList<string>> CompanyHeaders => CompanySynonyms.Printed;

    /// <summary>The built-in synonyms (the same as the config/feeds.json shipped with the project).</summary>
    public static FeedHeaderConfig Default { get; } = new(
        new ColumnSynonyms<PracticeColumn>(new Dictionary<PracticeColumn, IReadOnlyList<string>>
        {
            [PracticeColumn.Protocol] = ["Protocollo", "N. protocollo", "Numero protocollo"],
            [PracticeColumn.Registered] = ["Data protocollo", "Data protocollazione", "Data presentazione"],
            [PracticeColumn.Processed] = ["Data evasione", "Data chiusura"],
            [PracticeColumn.Status] = ["Stato", "Stato pratica"],
            [PracticeColumn.Fulfilment] = ["Adempimento", "Tipo pratica", "Tipo adempimento"],
            [PracticeColumn.SuspensionDays] = ["Giorni sospensione", "Gg sospensione", "Giorni di sospensione"],
            [PracticeColumn.Office] = ["Ufficio"],
            [PracticeColumn.Chamber] = ["Camera", "CCIAA"],
        }),
        new ColumnSynonyms<CompanyColumn>(new Dictionary<CompanyColumn, IReadOnlyList<string>>
        {
            [CompanyColumn.Province] = ["Provincia", "Prov."],
            [CompanyColumn.Rea] = ["Numero REA", "N. REA", "REA"],
            [CompanyColumn.TaxCode] = ["Codice fiscale", "C.F."],
            [CompanyColumn.Name] = ["Denominazione", "Ragione sociale"],
            [CompanyColumn.LegalForm] = ["Natura giuridica", "Forma giuridica"],
            [CompanyColumn.Status] = ["Stato impresa", "Stato attività", "Stato"],
            [CompanyColumn.Registered] = ["Data iscrizione", "Data iscrizione RI"],
            [CompanyColumn.Ceased] = ["Data cessazione"],
            [CompanyColumn.Ateco] = ["Codice ATECO", "ATECO", "Attività ATECO"],
            [CompanyColumn.Section] = ["Sezione speciale", "Sezione"],
            [CompanyColumn.SectionRegistered] = ["Data iscrizione sezione"],
            [CompanyColumn.Drawer] = ["Cassetto digitale", "Cassetto"],
            [CompanyColumn.DrawerActivated] = ["Data attivazione cassetto"],
        }));

    /// <summary>Reads DIR/feeds.json when it exists, else <see cref="Default"/>.</summary>
    /// <exception cref="ConfigException">The file is not a valid feed header configuration.</exception>
    public static FeedHeaderConfig FromDirectory(string? configDirectory)
    {
        if (configDirectory is null) return Default;
        var path = Path.Combine(configDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Default;
    }

    /// <summary>
    /// Parses a configuration: an object with "practices" and "companies", each mapping role names in snake case
    /// ("suspension_days") to lists of header synonyms.
    /// </summary>
    /// <exception cref="ConfigException">The JSON is invalid, names an unknown kind or role, gives a required role no
    /// synonym, or gives one synonym to two roles of the same kind; the message names the file and the setting.</exception>
    public static FeedHeaderConfig Parse(string json, string origin)
    {
        var file = ConfigFile.Parse<FeedHeadersFile>(json, origin);
        var root = ConfigSetting.Root(origin);
        return new FeedHeaderConfig(
            Synonyms(root["practices"], root["practices"].Required(file.Practices, "the practice export's roles"), RequiredPracticeColumns),
            Synonyms(root["companies"], root["companies"].Required(file.Companies, "the company list's roles"), RequiredCompanyColumns));
    }

    private sealed record FeedHeadersFile(Dictionary<string, List<string?>>? Practices, Dictionary<string, List<string?>>? Companies);

    private static ColumnSynonyms<TColumn> Synonyms<TColumn>(ConfigSetting kind, Dictionary<string, List<string?>> roles, IReadOnlyList<TColumn> required)
        where TColumn : struct, Enum
    {
        var byCode = Enum.GetValues<TColumn>().ToDictionary(c => ColumnCodes.ToCode(c), c => c, StringComparer.Ordinal);
        var printed = new Dictionary<TColumn, IReadOnlyList<string>>();
        foreach (var (code, synonyms) in roles)
            printed[byCode.TryGetValue(code, out var column) ? column : throw kind[code].Error($"unknown role (known: {string.Join(", ", byCode.Keys)})")] =
                synonyms.Select(s => s ?? "").ToList();
        foreach (var column in required.Where(c => printed.GetValueOrDefault(c) is null or { Count: 0 }))
            throw kind[ColumnCodes.ToCode(column)].Error("required role with no synonym");
        return kind.Parsed(() => new ColumnSynonyms<TColumn>(printed));
    }

    /// <summary>The name used in messages for a practice column: its first synonym.</summary>
    public string NameOf(PracticeColumn column) => PracticeSynonyms.NameOf(column);

    /// <summary>The name used in messages for a company column: its first synonym.</summary>
    public string NameOf(CompanyColumn column) => CompanySynonyms.NameOf(column);
}

/// <summary>Snake-case codes of column roles, as config/feeds.json names them ("suspension_days").</summary>
internal static class ColumnCodes
{
    public static string ToCode<TColumn>(TColumn column) where TColumn : struct, Enum
    {
        var name = column.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}

/// <summary>The header synonyms of the column roles of one feed kind, and their lookup by normalised header.</summary>
internal sealed class ColumnSynonyms<TColumn> where TColumn : struct, Enum
{
    private readonly Dictionary<string, TColumn> _byKey = new(StringComparer.Ordinal);

    public ColumnSynonyms(IReadOnlyDictionary<TColumn, IReadOnlyList<string>> printed)
    {
        var ordered = new Dictionary<TColumn, IReadOnlyList<string>>();
        foreach (var column in Enum.GetValues<TColumn>())
        {
            var synonyms = printed.TryGetValue(column, out var list) ? list.Select(s => s.Trim()).ToList() : [];
            ordered[column] = synonyms;
            foreach (var synonym in synonyms)
            {
                var key = TextKey.Normalize(synonym);
                if (key.Length == 0)
                    throw new FormatException($"role '{ColumnCodes.ToCode(column)}' has an empty synonym");
                if (_byKey.TryGetValue(key, out var other) && !other.Equals(column))
                    throw new FormatException($"synonym '{synonym}' is given to both '{ColumnCodes.ToCode(other)}' and '{ColumnCodes.ToCode(column)}'");
                _byKey[key] = column;
            }
        }
        Printed = ordered;
    }

    /// <summary>Every role (those without synonyms with an empty list), synonyms as printed.</summary>
    public IReadOnlyDictionary<TColumn, IReadOnlyList<string>> Printed { get; }

    /// <summary>The first synonym of a role, or its code when it has none.</summary>
    public string NameOf(TColumn column) => Printed[column] is [var first, ..] ? first : ColumnCodes.ToCode(column);

    /// <summary>The role whose synonym equals the normalised header, if any.</summary>
    public bool TryMatch(string header, out TColumn column) => _byKey.TryGetValue(TextKey.Normalize(header), out column);

    /// <summary>The index of the first column of each role found in a header row.</summary>
    public Dictionary<TColumn, int> Locate(IReadOnlyList<string> header)
    {
        var found = new Dictionary<TColumn, int>();
        for (var i = 0; i < header.Count; i++)
            if (TryMatch(header[i], out var column)) found.TryAdd(column, i);
        return found;
    }
}
