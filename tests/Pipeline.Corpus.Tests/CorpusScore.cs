using System.Diagnostics;
using System.Text.Json;
using Pipeline.Core.Extraction;
using Pipeline.Extraction;
using Pipeline.Extraction.Json;
using Pipeline.Extraction.Pdf;

namespace Pipeline.Corpus.Tests;

/// <summary>score.py's metrics for one extraction (fractions 0–1; null when the ground truth has none).</summary>
public sealed record ScoreMetrics(double F1, double Recall, double Precision, double? Objective, double? Weight, double? Targets, double? Actuals, string Summary);

/// <summary>Extracts a PDF with the project's extractor and scores it with ../shared/tools/score.py.</summary>
public static class CorpusScore
{
    public static ExtractedDocument Extract(string pdf) => new PdfExtractor().Extract(DocumentExtractors.Read(pdf));

    public static ScoreMetrics Score(string groundTruth, ExtractedDocument document)
    {
        var output = Path.Combine(Path.GetTempPath(), $"pipeline-score-{Guid.NewGuid():N}.json");
        File.WriteAllText(output, ExtractionJson.Serialize(document));
        try
        {
            var json = Run(groundTruth, output, "--json");
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            double? Opt(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            return new ScoreMetrics(r.GetProperty("f1").GetDouble(), r.GetProperty("recall").GetDouble(), r.GetProperty("precision").GetDouble(),
                Opt("objective_ok"), Opt("weight"), Opt("targets"), Opt("actuals"), Summary(r));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>score.py's one-line summary, from its --json metrics (one run of the scorer instead of two).</summary>
    private static string Summary(JsonElement r)
    {
        string F(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? (100 * v.GetDouble()).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-";
        return $"kpis {r.GetProperty("matched")}/{r.GetProperty("gt_kpis")} (extracted {r.GetProperty("ex_kpis")}) recall {F("recall")} precision {F("precision")} " +
               $"f1 {F("f1")} objective {F("objective_ok")} weight {F("weight")} targets {F("targets")} unit {F("unit")} algorithm {F("algorithm")} actuals {F("actuals")}";
    }

    private static string Run(string groundTruth, string output, params string[] extra)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { SharedFolder.File("tools", "score.py"), groundTruth, output }.Concat(extra)) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"score.py failed ({process.ExitCode}): {stderr}");
        return stdout;
    }
}
