using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Corpus.Tests.Renderings;

public sealed record GtObjective(string? Code, string Level, string Title, string? ParentCode);

/// <summary>A KPI of a ground truth as a layout prints it: target and actual texts per year.</summary>
public sealed record GtKpi(JsonObject Json, string ObjectiveCode, string Name, string? Unit, string Source, string? Weight,
    IReadOnlyList<(string Year, string Text)> Targets, IReadOnlyList<(string Year, string Text)> Actuals);

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
    /// <summary>The years targets are printed for, in order.</summary>
    public IReadOnlyList<string> Years { get; }
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
            .Select(k => new GtKpi(k, (string)k["objective_code"]!, (string)k["name"]!, (string?)k["unit"],
                Text(k["source"]) ?? Text(k["source_system"]) ?? "Rilevazione interna",
                k["weight"] is JsonValue w ? w.GetValue<double>().ToString(CultureInfo.InvariantCulture) + "%" : null,
                Periods(k["targets"], defaultYear, strip: true), ScoresActuals ? Periods(k["actuals"], defaultYear, strip: false) : []))
            .ToList();
        Years = Kpis.SelectMany(k => k.Targets).Select(t => t.Year).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The seed's ground truth: groundtruth/NNN.json, or the one converted from its fixture (001, 004).</summary>
    public static string PathFor(string seed) => File.Exists(SharedFolder.File("corpus", "groundtruth", seed + ".json"))
        ? SharedFolder.File("corpus", "groundtruth", seed + ".json")
        : FixtureGroundTruth.Write(seed);

    public static ScoredGroundTruth ForSeed(string seed) => new(PathFor(seed));

    public GtObjective? Objective(string? code) => code is null ? null : Objectives.FirstOrDefault(o => o.Code == code);

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

    private static List<(string, string)> Periods(JsonNode? list, string defaultYear, bool strip) =>
        list?.AsArray().Select(t => t!.AsObject())
            .Select(t => (Year((string?)t["period"]) ?? defaultYear, strip ? YearPrefix().Replace((string?)t["raw"] ?? "", "") : (string?)t["raw"] ?? ""))
            .Where(t => t.Item2.Length > 0)
            .ToList() ?? [];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Year(string? period) => period is { Length: >= 4 } ? period[..4] : null;

    [GeneratedRegex(@"^\s*Anno:?\s*\d{4}\s*")]
    private static partial Regex YearPrefix();
}
