using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Values;

namespace Pipeline.Corpus.Tests;

/// <summary>
/// Every row of shared/fixtures/targets.tsv (document, kind, text, expected) must parse to exactly the expected
/// list of {period, operator, value}. Documents 000 and 003 are single-year 2021 documents, so their cells are
/// read with default period "2021"; other documents have no default period.
/// </summary>
public sealed class TargetsFixtureTests
{
    private static readonly HashSet<string> Documents2021 = ["000", "003"];

    [Fact]
    public void EveryTargetsFixtureRowParsesToTheExpectedValues()
    {
        var path = SharedFolder.File("fixtures", "targets.tsv");
        var rows = ReadTsv(System.IO.File.ReadAllText(path, Encoding.UTF8));
        Assert.True(rows.Count > 1, $"{path} has no data rows");
        var header = rows[0];
        Assert.Equal(["document", "kind", "text", "expected"], header);

        var failures = new List<string>();
        var checkedRows = 0;
        foreach (var (row, index) in rows.Skip(1).Select((r, i) => (r, i + 2)))
        {
            if (row.Count == 1 && row[0].Length == 0) continue;
            checkedRows++;
            if (row.Count != 4)
            {
                failures.Add($"line {index}: expected 4 columns, found {row.Count}");
                continue;
            }
            var (document, text, expectedJson) = (row[0], row[2], row[3]);
            var defaultPeriod = Documents2021.Contains(document) ? "2021" : null;
            var actual = TargetExpression.Parse(text, defaultPeriod);
            var problem = Compare(expectedJson, actual);
            if (problem is not null)
                failures.Add($"line {index} [{document}] «{text}»: {problem}\n    expected {expectedJson}\n    actual   {Describe(actual)}");
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {checkedRows} targets.tsv rows failed:\n" + string.Join("\n", failures));
    }

    private static string? Compare(string expectedJson, IReadOnlyList<TargetValue> actual)
    {
        using var json = JsonDocument.Parse(expectedJson);
        var expected = json.RootElement.EnumerateArray().ToList();
        if (expected.Count != actual.Count) return $"{actual.Count} values instead of {expected.Count}";
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            var period = e.GetProperty("period");
            var expectedPeriod = period.ValueKind == JsonValueKind.Null ? null : period.GetString();
            if (expectedPeriod != a.Period) return $"value {i}: period {a.Period ?? "null"} instead of {expectedPeriod ?? "null"}";
            var op = e.GetProperty("operator").GetString();
            if (op != a.Operator.ToSymbol()) return $"value {i}: operator {a.Operator.ToSymbol()} instead of {op}";
            var value = e.GetProperty("value");
            var mismatch = value.ValueKind switch
            {
                JsonValueKind.Number => a.Number != value.GetDecimal(),
                JsonValueKind.True or JsonValueKind.False => a.Flag != value.GetBoolean(),
                JsonValueKind.String => a.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) != value.GetString(),
                JsonValueKind.Null => a.Number is not null || a.Flag is not null || a.Date is not null,
                _ => true,
            };
            if (mismatch) return $"value {i}: value {ValueOf(a)} instead of {value.GetRawText()}";
        }
        return null;
    }

    private static string ValueOf(TargetValue v) =>
        v.Number?.ToString(CultureInfo.InvariantCulture)
        ?? v.Flag?.ToString().ToLowerInvariant()
        ?? v.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        ?? "null";

    private static string Describe(IReadOnlyList<TargetValue> values) =>
        "[" + string.Join(", ", values.Select(v => $"{{{v.Period ?? "null"} {v.Operator.ToSymbol()} {ValueOf(v)} raw «{v.Raw}»}}")) + "]";

    /// <summary>Tab-separated rows; a field that starts with a double quote runs to the closing quote, "" being a quote.</summary>
    internal static List<List<string>> ReadTsv(string content)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < content.Length)
        {
            if (field.Length == 0 && content[i] == '"')
            {
                i++;
                while (i < content.Length)
                {
                    if (content[i] == '"')
                    {
                        if (i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(content[i++]);
                }
                continue;
            }
            var c = content[i++];
            switch (c)
            {
                case '\t':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
