using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Excel;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// Cuts a header cell that holds several headings ("Peso Target 2021 Valore al", set closer than a column gap)
/// where a synonym of the vocabulary starts after a complete heading. A word inside the longest synonym matching
/// at the current heading's start never starts a new one ("Valore target 2021" stays one heading when the
/// vocabulary knows "Valore target"). The cell's later lines join the heading they stand under.
/// </summary>
public static class HeadingSplitter
{
    public sealed record Heading(string Text, Box Box);

    public static IReadOnlyList<Heading> Split(CellBlock cell, WorkbookHeaderConfig config)
    {
        var first = cell.Lines[0].Words;
        var tokens = first.Select(w => TextKey.Normalize(w.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var starts = new List<int> { 0 };
        var covered = MatchLength(tokens, 0, config);
        var periodRole = TakesPeriod(tokens, 0, config);
        for (var w = 1; w < first.Count; w++)
        {
            if (w < covered) continue;
            var length = MatchLength(tokens, w, config);
            // a year after a heading that takes no period ("Peso 2021") is a column of its own
            if (length == 0 && !periodRole && PeriodResolver.Resolve(first[w].Text) is { Kind: PeriodKind.Year }) length = 1;
            if (length == 0) continue;
            starts.Add(w);
            covered = w + length;
            periodRole = TakesPeriod(tokens, w, config) || PeriodResolver.Resolve(first[w].Text) is not null;
        }
        if (starts.Count == 1) return [new Heading(LayoutRow.CellText(cell), cell.Box)];
        var groups = starts.Select((s, i) => first.Skip(s).Take((i + 1 < starts.Count ? starts[i + 1] : first.Count) - s).ToList()).ToList();
        foreach (var word in cell.Lines.Skip(1).SelectMany(l => l.Words))
        {
            var target = groups.OrderBy(g => Distance(Box.Of(g), word)).First();
            target.Add(word);
        }
        return groups.Select(g => new Heading(string.Join(' ', g.Select(w => w.Text)), Box.Of(g))).ToList();
    }

    private static double Distance(Box box, PdfWord word) =>
        word.X1 < box.X0 ? box.X0 - word.X1 : word.X0 > box.X1 ? word.X0 - box.X1 : 0;

    /// <summary>Whether the heading starting at <paramref name="start"/> is a target, actual or baseline: a year after it is its period.</summary>
    private static bool TakesPeriod(List<string[]> words, int start, WorkbookHeaderConfig config)
    {
        var flat = string.Join(' ', words.Skip(start).SelectMany(w => w));
        return config.Synonyms.Any(s => s.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Baseline
                                        && (flat == s.Synonym || flat.StartsWith(s.Synonym + " ", StringComparison.Ordinal)));
    }

    /// <summary>How many words from <paramref name="start"/> the longest synonym spans; 0 when none starts there.</summary>
    private static int MatchLength(List<string[]> words, int start, WorkbookHeaderConfig config)
    {
        var flat = new List<(string Token, int Word)>();
        for (var w = start; w < words.Count; w++)
            foreach (var t in words[w]) flat.Add((t, w));
        var best = 0;
        foreach (var (_, synonym) in config.Synonyms)
        {
            var parts = synonym.Split(' ');
            if (parts.Length > flat.Count) continue;
            var ok = true;
            for (var k = 0; k < parts.Length && ok; k++) ok = flat[k].Token == parts[k];
            if (!ok || (parts.Length < flat.Count && flat[parts.Length].Word == flat[parts.Length - 1].Word)) continue;
            best = Math.Max(best, flat[parts.Length - 1].Word - start + 1);
        }
        return best;
    }
}
