using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>A case's figures in percent (rounded down to 0.1): KPI F1, targets, actuals (when scored) and, for 003,
/// how many of the 39 printed achievement figures are reproduced.</summary>
public sealed record Figures(double F1, double Targets, double? Actuals, int? Oracle)
{
    public static double Down(double? fraction) => Math.Floor((fraction ?? 0) * 1000 + 1e-9) / 10;
}

/// <summary>
/// The ratchet (Renderings/baseline.json, committed): per case the figures measured when it was last recorded. A case
/// must reach the goal (KPI F1 ≥ 97, targets ≥ 95, actuals ≥ 95, 39 of 39 oracle figures) or, until it does, stay
/// within 0.5 of its baseline; a case whose baseline is at the goal is held at the goal. Run with
/// PIPELINE_RENDERINGS_RECORD=1 to write the measured figures as the new baseline (after an improvement).
/// </summary>
public static class Baseline
{
    public const double F1Goal = 97, TargetsGoal = 95, ActualsGoal = 95, Tolerance = 0.5;
    public const string RecordVariable = "PIPELINE_RENDERINGS_RECORD";

    public static string SourceFolder { get; } = Here();

    private static string FilePath => Path.Combine(SourceFolder, "baseline.json");
    private static readonly Lock Gate = new();

    public static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    /// <summary>The regressions of <paramref name="measured"/> against the baseline of <paramref name="id"/>, empty when none.</summary>
    public static IReadOnlyList<string> Regressions(string id, Figures measured)
    {
        lock (Gate)
        {
            var all = Load();
            if (Recording)
            {
                all[id] = JsonSerializer.SerializeToNode(measured);
                File.WriteAllText(FilePath, new JsonObject(all.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                return [];
            }
            if (all[id] is not { } node) return [$"{id} has no baseline: run with {RecordVariable}=1 to record {measured}"];
            var baseline = node.Deserialize<Figures>()!;
            var misses = new List<string>();
            Check("F1", measured.F1, baseline.F1, F1Goal, misses);
            Check("targets", measured.Targets, baseline.Targets, TargetsGoal, misses);
            if (baseline.Actuals is { } actuals) Check("actuals", measured.Actuals ?? 0, actuals, ActualsGoal, misses);
            if (baseline.Oracle is { } oracle && (measured.Oracle ?? 0) < Math.Min(oracle, OracleCount.Printed))
                misses.Add($"oracle: {measured.Oracle} of {OracleCount.Printed} figures reproduced, baseline {oracle}");
            return misses.Select(m => $"{id} {m}").ToList();
        }
    }

    private static void Check(string what, double measured, double baseline, double goal, List<string> misses)
    {
        var floor = baseline >= goal ? goal : baseline - Tolerance;
        if (measured < floor) misses.Add($"{what} {measured:0.0} < {floor:0.0} (baseline {baseline:0.0}, goal {goal:0})");
    }

    private static JsonObject Load() => File.Exists(FilePath) ? JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject() : new JsonObject();

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
