using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.IntegraPiano;

/// <summary>The columns of a plan's "KPI Associati" table.</summary>
internal enum PianoColumn { Name, Algorithm, Weight, Baseline, Target, Unit, Source }

/// <summary>A KPI table header: where its columns start and what each holds.</summary>
internal sealed record PianoTableHeader(TableColumns Columns, PianoColumn[] Kinds)
{
    /// <summary>The columns of the plan's table: indicator, Algoritmo, Peso, Stato (baseline), Target.</summary>
    public static readonly PianoColumn[] Core = [PianoColumn.Name, PianoColumn.Algorithm, PianoColumn.Weight, PianoColumn.Baseline, PianoColumn.Target];

    /// <summary>The header a line is (indicator, Algoritmo, Peso, Stato, Target …), or null.</summary>
    public static PianoTableHeader? Match(LayoutLine line)
    {
        if (line.Words.Count < 3) return null;
        var first = TextKey.Normalize(line.Words[0].Text);
        if (!(first.StartsWith("indicator", StringComparison.Ordinal) || first is "kpi" or "nome" or "descrizione")) return null;
        var starts = new List<(double X, PianoColumn Kind)> { (line.Words[0].X0, PianoColumn.Name) };
        for (var i = 1; i < line.Words.Count; i++)
        {
            if (KindOf(TextKey.Normalize(line.Words[i].Text)) is { } k && starts.All(s => s.Kind != k)) starts.Add((line.Words[i].X0, k));
        }
        if (starts.All(s => s.Kind != PianoColumn.Target) || starts.All(s => s.Kind != PianoColumn.Algorithm && s.Kind != PianoColumn.Weight)) return null;
        var ordered = starts.OrderBy(s => s.X).ToList();
        return new PianoTableHeader(new TableColumns(ordered.Select(s => s.X).ToList()), ordered.Select(s => s.Kind).ToArray());
    }

    private static PianoColumn? KindOf(string key) => key switch
    {
        _ when key.StartsWith("algoritm", StringComparison.Ordinal) || key.StartsWith("formula", StringComparison.Ordinal) => PianoColumn.Algorithm,
        "peso" or "pesi" => PianoColumn.Weight,
        _ when key.Length >= 3 && "stato".StartsWith(key, StringComparison.Ordinal) => PianoColumn.Baseline,
        "baseline" => PianoColumn.Baseline,
        "target" => PianoColumn.Target,
        "unita" or "um" or "u m" or "un mis" or "unita di misura" => PianoColumn.Unit,
        "fonte" => PianoColumn.Source,
        _ => null,
    };
}

/// <summary>The lines of one table cell in one row (a row may continue on the next page).</summary>
internal sealed class CellLines
{
    public List<(int Page, string Text, double X0, double Y0, double X1, double Y1)> Parts { get; } = [];
    public bool IsEmpty => Parts.Count == 0;

    /// <summary>The lines joined with spaces, except after a word broken at a hyphen ("(t-" + "1))").</summary>
    public string Text
    {
        get
        {
            var sb = new System.Text.StringBuilder();
            foreach (var p in Parts)
            {
                var glue = sb.Length > 1 && sb[^1] == '-' && !char.IsWhiteSpace(sb[^2])
                    && p.Text.Length > 0 && char.IsLetterOrDigit(p.Text[0]) && !char.IsUpper(p.Text[0]);
                if (sb.Length > 0 && !glue) sb.Append(' ');
                sb.Append(p.Text);
            }
            return TextKey.Clean(sb.ToString());
        }
    }

    public SourceRef? Source
    {
        get
        {
            var box = new SourceBox();
            foreach (var p in Parts) box.Add(p.Page, p.X0, p.Y0, p.X1, p.Y1);
            return box.ToSource();
        }
    }
}

/// <summary>One row of a KPI table: a cell per column of its header.</summary>
internal sealed class PianoRow(PianoColumn[] kinds)
{
    public PianoColumn[] Kinds { get; } = kinds;
    public CellLines[] Cells { get; } = kinds.Select(_ => new CellLines()).ToArray();

    public CellLines? this[PianoColumn kind] => Array.IndexOf(Kinds, kind) is var i and >= 0 ? Cells[i] : null;

    /// <summary>Where the row was printed, on the page of its name.</summary>
    public SourceRef? Source(int page)
    {
        var box = new SourceBox();
        foreach (var p in Cells.SelectMany(c => c.Parts).Where(p => p.Page == page)) box.Add(p.Page, p.X0, p.Y0, p.X1, p.Y1);
        return box.ToSource();
    }
}
