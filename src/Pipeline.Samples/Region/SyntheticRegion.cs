using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Core.Chambers;
using Pipeline.Core.Values;
using Pipeline.Samples.Feeds;

namespace Pipeline.Samples.Region;

/// <summary>How a synthetic region is made: how many chambers, KPIs per plan, practice rows per chamber, the seed.</summary>
public sealed record RegionOptions(int Chambers, int Kpis = RegionOptions.DefaultKpis, int Practices = RegionOptions.DefaultPractices, int Seed = RegionOptions.DefaultSeed)
{
    public const int DefaultKpis = 100;
    public const int DefaultPractices = 20_000;
    public const int DefaultSeed = 2021;

    /// <summary>Companies in each chamber's list: three for every ten practices (the sample's 60,000 for 200,000), at least 100.</summary>
    public int Companies => Math.Max(100, Practices / 10 * 3);

    /// <exception cref="ArgumentException">A count out of range; the message names the option.</exception>
    public void Check()
    {
        if (Chambers < 1 || Chambers > ItalianChambers.All.Count)
            throw new ArgumentException($"--chambers must be 1 to {ItalianChambers.All.Count} (the real chambers)");
        if (Kpis < 1 || Kpis > 1000) throw new ArgumentException("--kpis must be 1 to 1000");
        if (Practices < 1 || Practices > 10_000_000) throw new ArgumentException("--practices must be 1 to 10.000.000");
    }
}

/// <summary>One chamber of a synthetic region: who it is (a real chamber's code and name), its seed, its folder and plan.</summary>
public sealed record RegionChamber(ChamberInfo Info, int Seed, string Folder, SamplePlan Plan)
{
    public string WorkbookPath => Path.Combine(Folder, RegionFiles.FirstHalfWorkbook);
}

/// <summary>
/// A synthetic region of N chambers (<c>pipeline samples generate --chambers N</c>, <c>pipeline bench night</c>):
/// the first N real chambers of <see cref="ItalianChambers"/>, each with its own seed, its own plan of K KPIs
/// (<see cref="RegionPlan"/>) and its documents — the plan PDF, the half-year workbook, the Relazione 2021 — and two
/// feeds (practices, companies) under <c>chambers/CODE/</c>; <c>config/chambers.json</c> names them and
/// <c>config/metrics.json</c> binds three KPIs of each to the feeds, so <c>pipeline run --config DIR/config</c> runs
/// the region. <c>region.json</c> keeps the options, so a folder once written can be opened again. Deterministic: the
/// same options give the same bytes; no two chambers' files are the same bytes.
/// </summary>
public sealed class SyntheticRegion
{
    public const string ManifestFile = "region.json";

    private SyntheticRegion(string root, RegionOptions options)
    {
        Root = Path.GetFullPath(root);
        Options = options;
        Chambers = ItalianChambers.All.Take(options.Chambers).Select((info, i) =>
        {
            var seed = (int)(FeedRandom.Mix((ulong)(uint)options.Seed, (ulong)i) & int.MaxValue);
            return new RegionChamber(info, seed, Path.Combine(Root, "chambers", info.Code), RegionPlan.For(info, seed, options.Kpis));
        }).ToList();
    }

    public string Root { get; }
    public RegionOptions Options { get; }
    public IReadOnlyList<RegionChamber> Chambers { get; }
    public string ConfigDirectory => Path.Combine(Root, "config");

    /// <summary>Writes the region under <paramref name="root"/> (files of the same names are replaced) and returns it.</summary>
    public static SyntheticRegion Write(string root, RegionOptions options, Action<string>? written = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        options.Check();
        var region = new SyntheticRegion(root, options);
        foreach (var chamber in region.Chambers)
            foreach (var path in RegionFiles.Write(chamber, options)) written?.Invoke(path);
        Directory.CreateDirectory(region.ConfigDirectory);
        var files = new[]
        {
            (Path.Combine(region.ConfigDirectory, "chambers.json"), region.ChambersJson()),
            (Path.Combine(region.ConfigDirectory, "metrics.json"), region.MetricsJson()),
            (Path.Combine(region.ConfigDirectory, "indicators.json"), IndicatorsJson()),
            (Path.Combine(region.Root, ManifestFile), JsonSerializer.Serialize(options, Indented)),
        };
        foreach (var (path, text) in files)
        {
            File.WriteAllText(path, text + "\n");
            written?.Invoke(path);
        }
        return region;
    }

    /// <summary>The region a <see cref="Write"/> left under <paramref name="root"/> (its <c>region.json</c>), or null when there is none.</summary>
    /// <exception cref="InvalidDataException">region.json is not valid.</exception>
    public static SyntheticRegion? Open(string root)
    {
        var manifest = Path.Combine(root, ManifestFile);
        if (!File.Exists(manifest)) return null;
        RegionOptions? options;
        try { options = JsonSerializer.Deserialize<RegionOptions>(File.ReadAllText(manifest)); }
        catch (JsonException ex) { throw new InvalidDataException($"{manifest}: not a region manifest ({ex.Message})"); }
        if (options is null) throw new InvalidDataException($"{manifest}: empty");
        try { options.Check(); }
        catch (ArgumentException ex) { throw new InvalidDataException($"{manifest}: {ex.Message}"); }
        return new SyntheticRegion(root, options);
    }

    /// <summary>
    /// Writes again the half-year workbook of chamber <paramref name="index"/> with one value changed (the first
    /// numeric half-year actual, one unit more): new bytes, one fact different. Returns what changed.
    /// </summary>
    public string ChangeOneValue(int index)
    {
        var chamber = Chambers[index];
        var (plan, change) = RegionFiles.WithOneValueChanged(chamber.Plan);
        File.WriteAllBytes(chamber.WorkbookPath, RegionFiles.FirstHalf(plan));
        return $"{chamber.Info.Code}: {RegionFiles.FirstHalfWorkbook} {change}";
    }

    /// <summary>
    /// Writes the half-year workbook of chamber <paramref name="index"/> as the region has it, undoing a
    /// <see cref="ChangeOneValue"/> of an earlier bench on the same folder.
    /// </summary>
    public void RestoreWorkbook(int index) => File.WriteAllBytes(Chambers[index].WorkbookPath, RegionFiles.FirstHalf(Chambers[index].Plan));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private string ChambersJson()
    {
        var chambers = new JsonArray(Chambers.Select(c =>
        {
            var folder = $"chambers/{c.Info.Code}";
            return (JsonNode)new JsonObject
            {
                ["code"] = c.Info.Code,
                ["name"] = c.Plan.ChamberName,
                ["region"] = c.Info.Region,
                ["sources"] = new JsonObject
                {
                    ["pdfs"] = new JsonArray($"{folder}/*.pdf"),
                    ["workbooks"] = new JsonArray($"{folder}/*.xlsx"),
                    ["feeds"] = new JsonArray($"{folder}/feeds"),
                },
            };
        }).ToArray());
        return new JsonObject
        {
            ["//"] = $"A synthetic region of {Chambers.Count} chambers written by 'pipeline samples generate --chambers {Chambers.Count}' (docs/operations.md).",
            ["chambers"] = chambers,
        }.ToJsonString(Indented);
    }

    /// <summary>The standard indicators the plans print (docs/indicators.md), named, with unit and polarity, so the region's run links them.</summary>
    private static string IndicatorsJson()
    {
        var indicators = new JsonArray(RegionPlan.StandardIndicators().Select(s => (JsonNode)new JsonObject
        {
            ["code"] = s.Code,
            ["name"] = s.Kind.Name,
            ["unit"] = s.Kind.Unit,
            ["polarity"] = s.Kind.Target.Operator is TargetOperator.LessOrEqual or TargetOperator.Less ? "lower" : "higher",
        }).ToArray());
        return new JsonObject
        {
            ["//"] = "The standard indicators the synthetic region's plans print (docs/indicators.md).",
            ["indicators"] = indicators,
            ["links"] = new JsonArray(),
        }.ToJsonString(Indented);
    }

    /// <summary>Per chamber, the sample's three feed-computed KPIs (where the plan has them), bound by name (the plan PDF prints no KPI codes).</summary>
    private string MetricsJson()
    {
        JsonObject Binding(string chamber, string kpi, string metric, JsonObject? parameters, params string[] periods)
        {
            var binding = new JsonObject { ["chamber"] = chamber, ["kpi"] = kpi, ["metric"] = metric };
            if (parameters is not null) binding["params"] = parameters;
            binding["periods"] = new JsonArray(periods.Select(p => (JsonNode)p).ToArray());
            return binding;
        }
        var bindings = new JsonArray();
        foreach (var c in Chambers)
        {
            var kpis = c.Plan.Kpis;
            // the sample's kinds in order: [1] a company share, [2] mean days, [3] share within five days
            if (kpis.Count > 1) bindings.Add(Binding(c.Info.Code, kpis[1].Name, "registry.cassetto_share", null, "2021", "2022"));
            if (kpis.Count > 2) bindings.Add(Binding(c.Info.Code, kpis[2].Name, "ri.mean_processing_days", null, "2021-S1", "2021", "2022-S1", "2022"));
            if (kpis.Count > 3) bindings.Add(Binding(c.Info.Code, kpis[3].Name, "ri.practices_within_days", new JsonObject { ["days"] = 5 }, "2021-S1", "2021", "2022-S1", "2022"));
        }
        return new JsonObject
        {
            ["defaults"] = new JsonObject
            {
                ["ri.practices_within_days"] = new JsonObject { ["days_kind"] = "working", ["net_of_suspension"] = "true" },
                ["ri.mean_processing_days"] = new JsonObject { ["days_kind"] = "working", ["net_of_suspension"] = "true" },
            },
            ["bindings"] = bindings,
        }.ToJsonString(Indented);
    }
}
