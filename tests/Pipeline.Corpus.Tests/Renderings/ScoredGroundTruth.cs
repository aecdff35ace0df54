using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Corpus.Tests.Renderings;

public sealed record GtObjective(string? Code, string Level, string Title, string? ParentCode);

/// <summary>A KPI of a ground truth as a layout prints it: target texts per period (a year, or a checkpoint day
/// "2021-06-30" as score.py keeps it) and actual texts per year. <see cref="ObjectiveLevel"/> tells apart objectives
/// that share a code (a special agency's "1" beside area "1"), when the ground truth gives it.</summary>
public sealed record GtKpi(JsonObject Json, string ObjectiveCode, string? ObjectiveLevel, string Name, string? Unit, string Source, string? Weight,
    IReadOnlyList<(string Period, string Text)> Targets, IReadOnlyList<(string Year, string Text)> Actuals);

/// <summary>The part of a ground truth (../shared/corpus/groundtruth/NNN.json) that score.py scores — objectives and
/// KPIs outside the excluded scopes — read to lay the same content out in other ways, and written back (only what
/// a layout printed) as the generated layout's own ground truth.</summary>
public sealed partial class ScoredGroundTruth
{
    private readonly JsonObject _root;

    public string Chamber { get; }
    public bool ScoresActuals { get; }
    public IReadOnlyList<GtObjective> Objectives { get; }
    public IReadOnlyList<GtKpi> Kpis { get; }
    /// <summary>The periods targets are printed for, in order: years, and checkpoint days before their year's end.</summary>
    public IReadOnlyList<string> Periods { get; }
    public string? ActualYear => ScoresActuals ? Kpis.SelectMany(k => k.Actuals).Select(a => a.Year).Min() : null;

    public ScoredGroundTruth(string path)
    {
        _root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var document = _root["document"]!.AsObject();
        Chamber = (string?)document["chamber"] ?? "Camera di Commercio";
        var scope = _root["score_scope"]?.AsObject();
        ScoresActuals = scope?["score_actuals"]?.GetValue<bool>() == true;
        var excluded = scope?["exclude_scopes"]?.AsArray().Select(n => (string?)n).ToHashSet() ?? [];
        var defaultYear = (string?)document["period_from"]?.ToString() ?? "";
        Objectives = _root["objectives"]!.AsArray().Select(o => o!.AsObject())
            .Where(o => !excluded.Contains((string?)o["level"]))
            .Select(o => new GtObjective((string?)o["code"], (string)o["level"]!, (string)o["title"]!, (string?)o["parent_code"]))
            .ToList();
        Kpis = _root["kpis"]!.AsArray().Select(k => k!.AsObject())
            .Where(k => !excluded.Contains((string?)k["scope"]))
            .Select(k => new GtKpi(k, (string)k["objective_code"]!, (string?)k["objective_level"], (string)k["name"]!, (string?)k["unit"],
                Text(k["source"]) ?? Text(k["source_system"]) ?? "Rilevazione interna",
                k["weight"] is JsonValue w ? w.GetValue<double>().ToString(CultureInfo.InvariantCulture) + "%" : null,
                Values(k["targets"], defaultYear, TargetPeriod, strip: true), ScoresActuals ? Values(k["actuals"], defaultYear, Year, strip: false) : []))
            .ToList();
        Periods = Kpis.SelectMany(k => k.Targets).Select(t => t.Period).Distinct()
            .OrderBy(p => p[..4], StringComparer.Ordinal).ThenBy(p => p.Length == 4).ThenBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>The seed's ground truth: groundtruth/NNN.json, or the one converted from its fixture (001, 004).</summary>
    public static string PathFor(string seed) => File.Exists(SharedFolder.File("corpus", "groundtruth", seed + ".json"))
        ? SharedFolder.File("corpus", "groundtruth", seed + ".json")
        : FixtureGroundTruth.Write(seed);

    public static ScoredGroundTruth ForSeed(string seed) => new(PathFor(seed));

    public GtObjective? Objective(string? code) => code is null ? null : Objectives.FirstOrDefault(o => o.Code == code);

    /// <summary>The objective a KPI hangs on: its code, and its level when the ground truth gives one.</summary>
    public GtObjective? Owner(GtKpi kpi) => kpi.ObjectiveCode is null ? null
        : Objectives.FirstOrDefault(o => o.Code == kpi.ObjectiveCode && (kpi.ObjectiveLevel is null || o.Level == kpi.ObjectiveLevel));

    /// <summary>A period as a document labels it: "2021", or "al 30/06/2021" for a checkpoint.</summary>
    public static string Label(string period) => period.Length == 4 ? period : $"al {period[8..10]}/{period[5..7]}/{period[..4]}";

    /// <summary>Writes the ground truth of a layout that printed <paramref name="printed"/>; returns its path.</summary>
    public string WriteFor(IEnumerable<GtKpi> printed, string name)
    {
        var gt = new JsonObject
        {
            ["document"] = _root["document"]!.DeepClone(),
            ["score_scope"] = _root["score_scope"]?.DeepClone(),
            ["objectives"] = _root["objectives"]!.DeepClone(),
            ["kpis"] = new JsonArray(printed.Select(k => (JsonNode)k.Json.DeepClone()).ToArray()),
        };
        var path = Path.Combine(RenderCache.Folder, name + ".gt.json");
        File.WriteAllText(path, gt.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static List<(string, string)> Values(JsonNode? list, string defaultYear, Func<string?, string?> period, bool strip) =>
        list?.AsArray().Select(t => t!.AsObject())
            .Select(t => (period((string?)t["period"]) ?? defaultYear, strip ? YearPrefix().Replace((string?)t["raw"] ?? "", "") : (string?)t["raw"] ?? ""))
            .Where(t => t.Item2.Length > 0)
            .ToList() ?? [];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Year(string? period) => period is { Length: >= 4 } ? period[..4] : null;

    /// <summary>A target's period as score.py compares it: a checkpoint day (2021-06-30) whole, anything else its year.</summary>
    private static string? TargetPeriod(string? period) => period is not null && CheckpointDay().IsMatch(period) ? period : Year(period);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex CheckpointDay();

    [GeneratedRegex(@"^\s*Anno:?\s*\d{4}\s*")]
    private static partial Regex YearPrefix();
}
