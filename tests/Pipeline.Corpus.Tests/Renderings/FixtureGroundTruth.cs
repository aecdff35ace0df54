using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Corpus.Tests.Pdf;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>score.py ground truth for 001 and 004, which have only the hand-written fixtures
/// (Fixtures/NNN.expected.json, in the extraction contract's shape): each KPI with its objective's code, name,
/// weight and targets (period, operator, value) — enough for F1 and targets.</summary>
public static class FixtureGroundTruth
{
    public static string Write(string seed)
    {
        var fixture = JsonNode.Parse(File.ReadAllText(FixtureAssert.Path(seed + ".expected.json")))!.AsObject();
        var objectives = fixture["objectives"]!.AsArray().Select(o => o!.AsObject()).ToDictionary(o => (string)o["id"]!);
        var kpis = new JsonArray();
        foreach (var k in fixture["kpis"]!.AsArray().Select(k => k!.AsObject()))
        {
            var owner = objectives[(string)k["objective"]!];
            kpis.Add(new JsonObject
            {
                ["objective_code"] = owner["code"]?.DeepClone(),
                ["objective_level"] = owner["level"]?.DeepClone(),
                ["name"] = k["name"]!.DeepClone(),
                ["weight"] = k["weight"]?.DeepClone(),
                ["targets"] = new JsonArray(k["targets"]!.AsArray().Select(t => (JsonNode)new JsonObject
                {
                    ["period"] = t!["period"]?.DeepClone(),
                    ["operator"] = t["operator"]?.DeepClone(),
                    ["value"] = t["value"]?.DeepClone(),
                    ["raw"] = Raw((string?)t["operator"], t["value"]),
                }).ToArray()),
            });
        }
        var gt = new JsonObject
        {
            ["document"] = fixture["document"]!.DeepClone(),
            ["objectives"] = new JsonArray(objectives.Values.Select(o => (JsonNode)new JsonObject
            {
                ["code"] = o["code"]?.DeepClone(), ["level"] = o["level"]?.DeepClone(), ["title"] = o["title"]?.DeepClone(),
                ["parent_code"] = o["parent"] is JsonValue p && objectives.TryGetValue((string)p!, out var parent) ? parent["code"]?.DeepClone() : null,
            }).ToArray()),
            ["kpis"] = kpis,
            ["score_scope"] = new JsonObject(),
        };
        var path = Path.Combine(RenderCache.Folder, $"{seed}-fixture.gt.json");
        // written to a private file then moved: the rig and the reference check may write it at the same time
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, gt.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>A target as a document prints it, for the generated layouts (the fixtures keep no raw text):
    /// "&gt;= 12", "100", "SI"/"NO", "Entro 31/12/2021", a free-text target.</summary>
    private static string Raw(string? op, JsonNode? value) => op switch
    {
        "bool" => value?.GetValue<bool>() == true ? "SI" : "NO",
        "date" => "Entro " + DateOnly.Parse((string)value!, CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        "text" or null => "Realizzazione delle attività previste",
        _ => (op == "=" ? "" : op + " ") + value!.GetValue<decimal>().ToString("#,##0.##", Italian),
    };

    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");
}
