using Pipeline.Core.Text;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>A recognised column: its role and, for targets and actuals, the period its header names.</summary>
public sealed record ColumnSpec(int Column, ColumnRole Role, string Header, Period? Period);

/// <summary>Recognises header cells by their Italian synonyms and finds the header row of a sheet.</summary>
public sealed class HeaderMatcher(WorkbookHeaderConfig config)
{
    private static readonly ColumnRole[] PeriodRoles = [ColumnRole.Target, ColumnRole.Actual, ColumnRole.Baseline];

    /// <summary>
    /// The role of one header text, or null. The longest matching synonym wins. A header that is only a period
    /// ("2021", "Anno 2021", "2.021") is a target column of that period.
    /// </summary>
    public ColumnSpec? Match(int column, string header, int? contextYear)
    {
        var normalized = TextKey.Normalize(header);
        if (normalized.Length == 0) return null;
        foreach (var (role, synonym) in config.Synonyms)
        {
            if (normalized == synonym || normalized.StartsWith(synonym + " ", StringComparison.Ordinal))
            {
                if (role == ColumnRole.Year && normalized != synonym) break; // "Anno 2021": a period column
                var period = PeriodRoles.Contains(role) ? ColumnPeriod(role, PeriodResolver.Resolve(header, contextYear)) : null;
                return new ColumnSpec(column, role, header.Trim(), period);
            }
        }
        return CellPeriod.IsPeriodHeader(header) && CellPeriod.FromText(header, contextYear) is { } only
            ? new ColumnSpec(column, ColumnRole.Target, header.Trim(), only)
            : null;
    }

    /// <summary>
    /// The role of a text that is exactly one of the vocabulary's headings ("Algoritmo di calcolo"), or null. A heading
    /// a narrow cell broke inside a word ("INDICATOR" / "E", "ALGORIT" / "MO DI CALCOLO") is the same heading: when the
    /// words match none, their letters without the spaces are compared with the headings' the same way.
    /// </summary>
    public ColumnRole? Synonym(string text)
    {
        var normalized = TextKey.Normalize(text);
        foreach (var (role, synonym) in config.Synonyms)
            if (normalized == synonym) return role;
        if (!normalized.Contains(' ')) return null;
        var joined = normalized.Replace(" ", "", StringComparison.Ordinal);
        foreach (var (role, synonym) in config.Synonyms)
            if (joined == synonym.Replace(" ", "", StringComparison.Ordinal)) return role;
        return null;
    }

    /// <summary>
    /// The period of a <paramref name="role"/> column whose header names <paramref name="named"/>: a target keeps a
    /// checkpoint day ("Risultato atteso al 30/06/2021" → <c>2021-06-30</c>, the target due that day); an actual or a
    /// baseline reports on the checkpoint's period ("Valore al 30/06/2021" → <c>2021-S1</c>, 31/12 → the year).
    /// </summary>
    public static Period? ColumnPeriod(ColumnRole role, Period? named) => role == ColumnRole.Target ? named : named?.ToReportingPeriod();

    /// <summary>All recognised columns of one row.</summary>
    public IReadOnlyList<ColumnSpec> MatchRow(SheetGrid grid, int row, int? contextYear)
    {
        var specs = new List<ColumnSpec>();
        foreach (var c in grid.Columns(row))
        {
            if (CellPeriod.HeaderText(grid[row, c]) is { Length: > 0 } text && Match(c, text, contextYear) is { } spec)
            {
                // A merged header cell repeats over its columns: keep it only where a role may repeat.
                if (specs.Count > 0 && specs[^1].Role == spec.Role && specs[^1].Header == spec.Header && !PeriodRoles.Contains(spec.Role))
                    continue;
                specs.Add(spec);
            }
        }
        return specs;
    }

    /// <summary>
    /// The header row: within the first rows, the one that names a KPI column and a target, actual or weight
    /// column and recognises the most distinct roles. Null when no row qualifies.
    /// </summary>
    public int? FindHeaderRow(SheetGrid grid)
    {
        int? best = null;
        var bestScore = 0;
        for (var r = 0; r < Math.Min(grid.Height, config.HeaderSearchRows); r++)
        {
            var roles = MatchRow(grid, r, null).Select(s => s.Role).ToHashSet();
            if (!roles.Contains(ColumnRole.Kpi)) continue;
            if (!roles.Contains(ColumnRole.Target) && !roles.Contains(ColumnRole.Actual) && !roles.Contains(ColumnRole.Weight)) continue;
            if (roles.Count > bestScore)
            {
                best = r;
                bestScore = roles.Count;
            }
        }
        return best;
    }

    /// <summary>
    /// A title cell naming the objective a whole sheet belongs to ("Obiettivo strategico OS.1 - Digitalizzazione",
    /// "Area strategica: Competitività"): the role and the text after the label.
    /// </summary>
    public (ColumnRole Role, string Text)? MatchTitleObjective(string text)
    {
        var trimmed = text.Trim();
        foreach (var (role, synonym) in config.Synonyms)
        {
            if (role is not (ColumnRole.Area or ColumnRole.Strategic)) continue;
            var words = synonym.Split(' ').Length;
            var parts = trimmed.Split((char[]?)null, words + 1, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length <= words) continue;
            if (TextKey.Normalize(string.Join(' ', parts[..words])) != synonym) continue;
            var rest = parts[words].TrimStart(':', '-', '–', ' ');
            if (rest.Length > 0) return (role, rest);
        }
        return null;
    }

    public bool IsLegend(string firstText)
    {
        var normalized = TextKey.Normalize(firstText);
        return config.LegendMarkers.Any(m => normalized == m || normalized.StartsWith(m + " ", StringComparison.Ordinal));
    }
}
