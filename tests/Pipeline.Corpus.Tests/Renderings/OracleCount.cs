using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Core.Achievement;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>How many of the 39 figures 003 prints (every operational and strategic objective, area and the chamber:
/// the ground truth's <c>rollups</c>) the extraction of a rendering reproduces within 0.05, computed as
/// <see cref="AchievementOracleTests"/> does from the extracted targets and actuals with the Integra policy.</summary>
public static partial class OracleCount
{
    public const int Printed = 39;

    public static int Reproduced(ExtractedDocument document)
    {
        var policy = AchievementPolicy.Integra;
        var objectives = document.Objectives.Where(o => ObjectiveLevels.TryParse(o.Level, out _)).ToList();
        var ids = objectives.Select(o => o.Id).ToHashSet();
        var nodes = objectives.Select(o => new RollupNode(o.Id, o.Parent is { } p && ids.Contains(p) ? p : null,
            ObjectiveLevels.Parse(o.Level), o.Weight, o.Code ?? o.Title)).ToList();
        var kpis = document.Kpis.Where(k => k.Objective is { } id && ids.Contains(id))
            .Select(k => new RollupKpi(k.Objective!, AchievementOracleTests.Score(k, "2021", policy), k.Weight, k.Name)).ToList();
        var result = ObjectiveRollup.Compute(nodes, kpis, policy);

        var computed = objectives.Where(o => o.Code is not null).GroupBy(o => Code(o.Code)).ToDictionary(g => g.Key, g => result.Objectives[g.First().Id].Value);
        computed["ENTE"] = result.Chamber.Value;
        var gt = JsonNode.Parse(File.ReadAllText(SharedFolder.File("corpus", "groundtruth", "003.json")))!;
        return gt["rollups"]!.AsArray().Count(r => computed.TryGetValue(Code((string)r!["code"]!), out var value) && value is { } v
                                                  && Math.Abs(v - r["achievement_pct"]!.GetValue<decimal>()) <= 0.05m);
    }

    /// <summary>score.py's code normalisation: alphanumeric tokens, OS/OP/AS prefixes dropped, no leading zeros.</summary>
    private static string Code(string? code)
    {
        var tokens = Token().Matches((code ?? "").ToUpperInvariant()).Select(m => m.Value).ToList();
        while (tokens.Count > 0 && tokens[0] is "OP" or "OS" or "AS" or "OBIETTIVO" or "STRATEGICO" or "OPERATIVO" or "AZIONE" or "KPI") tokens.RemoveAt(0);
        return string.Join('.', tokens.Select(t => char.IsDigit(t[0]) ? t.TrimStart('0').PadLeft(1, '0') : t));
    }

    [GeneratedRegex(@"[A-Z]+|\d+")]
    private static partial Regex Token();
}
