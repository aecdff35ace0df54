using System.Globalization;
using System.Text.Json;
using Pipeline.Core.Extraction;
using Pipeline.Core.Values;

namespace Pipeline.Corpus.Tests.Workbooks;

/// <summary>
/// Loads a corpus ground truth (groundtruth/NNN.json) into the canonical model, as the content a workbook is written
/// from: objectives with codes, levels and parents; KPIs with objective, name, weight, targets and actuals.
/// Individual objectives and their KPIs are left out (the scorer leaves them out too). A target without a period
/// refers to the document's first year, as the ground truth notes say.
/// </summary>
public static class GroundTruthDocument
{
    public static ExtractedDocument Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var info = root.GetProperty("document");
        var firstYear = Int(info, "period_from") ?? Int(info, "year");

        var objectives = new List<ExtractedObjective>();
        var byCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in root.GetProperty("objectives").EnumerateArray())
        {
            var level = Str(o, "level") ?? "operational";
            if (level == "individual") continue;
            var code = Str(o, "code");
            var parentCode = Str(o, "parent_code");
            var id = "o" + (objectives.Count + 1).ToString(CultureInfo.InvariantCulture);
            objectives.Add(new ExtractedObjective
            {
                Id = id, Code = code, Level = level, Title = Str(o, "title") ?? "",
                Parent = parentCode is not null && byCode.TryGetValue(parentCode, out var p) ? p : null,
            });
            if (code is not null) byCode.TryAdd(code, id);
        }

        var kpis = new List<ExtractedKpi>();
        foreach (var k in root.GetProperty("kpis").EnumerateArray())
        {
            if (Str(k, "scope") == "individual") continue;
            var code = Str(k, "objective_code");
            var targets = Array(k, "targets").Select(t => Target(t, firstYear)).OfType<ExtractedTarget>().ToList();
            var actuals = Array(k, "actuals").Select(Actual).ToList();
            kpis.Add(new ExtractedKpi
            {
                Id = "k" + (kpis.Count + 1).ToString(CultureInfo.InvariantCulture),
                Objective = code is not null && byCode.TryGetValue(code, out var id) ? id : null,
                Name = Str(k, "name") ?? "",
                Algorithm = Str(k, "algorithm"),
                Unit = Str(k, "unit"),
                Weight = Dec(k, "weight"),
                Targets = targets,
                Actuals = actuals,
            });
        }
        var chamber = Str(info, "chamber");
        var type = (Str(info, "doc_type") ?? "").ToLowerInvariant();
        return new ExtractedDocument
        {
            Document = new DocumentInfo
            {
                File = Path.GetFileName(path), Sha256 = "", Format = "xlsx", Family = "groundtruth", Chamber = chamber,
                DocType = type.Contains("relazione") ? "relazione" : type.Contains("monitoraggio") ? "monitoraggio" : "piano",
                PeriodFrom = firstYear, PeriodTo = Int(info, "period_to") ?? firstYear,
            },
            Objectives = objectives,
            Kpis = kpis,
        };
    }

    private static ExtractedTarget? Target(JsonElement t, int? firstYear)
    {
        var period = Str(t, "period") ?? firstYear?.ToString(CultureInfo.InvariantCulture);
        if (period is null) return null;
        var raw = Str(t, "raw") ?? "";
        var op = Str(t, "operator");
        TargetValue value;
        if (Str(t, "value_date") is { } date)
            value = TargetValue.Deadline(period, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), raw);
        else if (op == "bool")
            value = TargetValue.YesNo(period, t.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.True, raw);
        else if (op is null || Dec(t, "value") is not { } number)
            value = TargetValue.FreeText(period, raw);
        else
            value = TargetValue.Numeric(period, TargetOperators.FromSymbol(op), number, raw, Str(t, "unit"));
        return new ExtractedTarget(period, value);
    }

    private static ExtractedActual Actual(JsonElement a)
    {
        var period = Str(a, "period") ?? "";
        var raw = Str(a, "raw") ?? "";
        if (Str(a, "value_date") is { } date)
            return new ExtractedActual(period, raw, null) { Date = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return new ExtractedActual(period, raw, Dec(a, "value"));
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static decimal? Dec(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDecimal(),
            JsonValueKind.String when decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        } : null;

    private static int? Int(JsonElement e, string name) =>
        Str(e, name) is { } s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
}
