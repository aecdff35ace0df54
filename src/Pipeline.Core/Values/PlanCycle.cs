using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Values;

/// <summary>
/// The years of a plan cycle as documents print them in titles: <c>2021 - 2023</c>, <c>2021-2023</c>,
/// <c>2021/2023</c>, <c>2021 – 2023</c>. The second year must not be before the first and a cycle spans at most
/// six years, so "2019/2020 e 2021" or a date range in prose is not taken for one by accident.
/// </summary>
public static partial class PlanCycle
{
    /// <summary>The first cycle printed in <paramref name="text"/>, or null.</summary>
    public static (int From, int To)? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (Match m in Cycle().Matches(text))
        {
            var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (to >= from && to - from <= 5) return (from, to);
        }
        return null;
    }

    /// <summary>The text with every printed cycle replaced by a space (to look for other years in it).</summary>
    public static string Remove(string text) => Cycle().Replace(text, " ");

    [GeneratedRegex(@"\b(20\d\d)\s*[-/–]\s*(20\d\d)\b")]
    private static partial Regex Cycle();
}
