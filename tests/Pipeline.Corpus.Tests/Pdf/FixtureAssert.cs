using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Extraction.Json;

namespace Pipeline.Corpus.Tests.Pdf;

/// <summary>
/// Compares an extraction with a hand-written fixture (Fixtures/NNN.expected.json, written from the seed text for the
/// documents score.py has no ground truth for). Objectives are matched by level + code (by level + title when the
/// document prints no code), KPIs by their objective + normalised name. Every field a fixture entry lists is
/// compared (strings after <see cref="TextKey.Normalize"/>, numbers exactly, a parent by its level + code); targets
/// per period with operator, value and, when the fixture gives one, the period's weight. The counts must match too:
/// nothing missing, nothing extra.
/// </summary>
public static class FixtureAssert
{
    public static string Path(string name, [CallerFilePath] string here = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(here)!)!, "Fixtures", name);

    private static readonly string[] ObjectiveFields = ["title", "level", "mission", "programme", "weight"];
    private static readonly string[] KpiFields = ["code", "algorithm", "source_system", "weight", "baseline"];

    public static void Matches(ExtractedDocument document, string fixture)
    {
        Assert.All(document.Objectives, o => Assert.True(o.Source?.Page is not null && o.Source.Bbox is { Count: 4 }, $"{o.Id} has no page/bbox"));
        Assert.All(document.Kpis, k => Assert.True(k.Source?.Page is not null && k.Source.Bbox is { Count: 4 }, $"{k.Id} has no page/bbox"));
        Assert.All(document.Kpis.SelectMany(k => k.Targets), t => Assert.NotNull(t.Source?.Page));

        using var actual = JsonDocument.Parse(ExtractionJson.Serialize(document with { Document = document.Document with { Sha256 = "", Format = "pdf" } }));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path(fixture)));
        var misses = new List<string>();

        var actualObjectives = actual.RootElement.GetProperty("objectives").EnumerateArray().ToList();
        var expectedObjectives = expected.RootElement.GetProperty("objectives").EnumerateArray().ToList();
        var actualKeys = Keys(actualObjectives);
        var expectedKeys = Keys(expectedObjectives);
        foreach (var exp in expectedObjectives)
        {
            var key = expectedKeys[Str(exp, "id")!];
            var found = actualObjectives.FirstOrDefault(o => actualKeys[Str(o, "id")!] == key);
            if (found.ValueKind == JsonValueKind.Undefined) { misses.Add($"objective {key}: not found"); continue; }
            Compare($"objective {key}", exp, found, ObjectiveFields, misses);
            if (exp.TryGetProperty("parent", out _))
            {
                var want = Str(exp, "parent") is { } p ? expectedKeys[p] : null;
                var got = Str(found, "parent") is { } q ? actualKeys.GetValueOrDefault(q) : null;
                if (want != got) misses.Add($"objective {key} parent: expected {want ?? "none"}, got {got ?? "none"}");
            }
        }

        var actualKpis = actual.RootElement.GetProperty("kpis").EnumerateArray().ToList();
        var expectedKpis = expected.RootElement.GetProperty("kpis").EnumerateArray().ToList();
        var matched = 0;
        foreach (var exp in expectedKpis)
        {
            var owner = expectedKeys[Str(exp, "objective")!];
            var name = Str(exp, "name");
            var found = actualKpis.FirstOrDefault(k => actualKeys.GetValueOrDefault(Str(k, "objective") ?? "") == owner && Key(Str(k, "name")) == Key(name));
            if (found.ValueKind == JsonValueKind.Undefined) { misses.Add($"KPI {owner} '{name}': not found"); continue; }
            var before = misses.Count;
            Compare($"KPI {owner} '{name}'", exp, found, KpiFields, misses);
            var withWeights = exp.GetProperty("targets").EnumerateArray().Any(t => t.TryGetProperty("weight", out _));
            if (Targets(exp, withWeights) != Targets(found, withWeights))
                misses.Add($"KPI {owner} '{name}' targets: expected [{Targets(exp, withWeights)}], got [{Targets(found, withWeights)}]");
            if (misses.Count == before) matched++;
        }

        Assert.True(misses.Count == 0, $"{misses.Count} differences:\n" + string.Join("\n", misses));
        Assert.Equal(expectedObjectives.Count, actualObjectives.Count);
        Assert.Equal(expectedKpis.Count, matched);
        Assert.Equal(expectedKpis.Count, actualKpis.Count);
    }

    /// <summary>Objective id → "level code" (or "level title" without a code).</summary>
    private static Dictionary<string, string> Keys(List<JsonElement> objectives) =>
        objectives.ToDictionary(o => Str(o, "id")!, o => $"{Str(o, "level")} {Str(o, "code") ?? Key(Str(o, "title"))}");

    private static void Compare(string what, JsonElement expected, JsonElement actual, string[] fields, List<string> misses)
    {
        foreach (var field in fields)
        {
            if (!expected.TryGetProperty(field, out var want)) continue;
            actual.TryGetProperty(field, out var got);
            if (Value(want) != Value(got)) misses.Add($"{what} {field}: expected '{Value(want)}', got '{Value(got)}'");
        }
    }

    /// <summary>A comparable rendering: strings normalised, numbers invariant, objects (baseline) by their raw text.</summary>
    private static string Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => Key(e.GetString()),
        JsonValueKind.Number => e.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Object when e.TryGetProperty("raw", out var raw) => Key(raw.GetString()),
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        _ => e.ToString(),
    };

    private static string Targets(JsonElement kpi, bool withWeights) => string.Join("; ",
        kpi.GetProperty("targets").EnumerateArray()
            .Select(t => $"{Str(t, "period")} {Str(t, "operator")} {Value(t.TryGetProperty("value", out var v) ? v : default)}"
                         + (withWeights ? $" w={Value(t.TryGetProperty("weight", out var w) ? w : default)}" : ""))
            .OrderBy(s => s, StringComparer.Ordinal));

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Key(string? s) => TextKey.Normalize(s ?? "");
}
