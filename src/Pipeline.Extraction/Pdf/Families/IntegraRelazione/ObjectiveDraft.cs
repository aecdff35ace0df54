using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.IntegraRelazione;

/// <summary>An objective being read: a card or a heading line, its fields filled as its lines arrive.</summary>
internal sealed class ObjectiveDraft
{
    private static int _counter;

    public string Key { get; } = $"draft{Interlocked.Increment(ref _counter)}";
    public string? Id { get; set; }
    public string? Code { get; set; }
    public string? Level { get; set; }
    public List<string> Title { get; } = [];
    public double? TitleX0 { get; set; }
    public int Page { get; init; }
    public decimal? ReportedAchievement { get; set; }
    public decimal? Weight { get; set; }
    public string? Programme { get; set; }
    public string? Mission { get; set; }
    public string? Parent { get; set; }
    public bool FromHeading { get; init; }
    public ObjectiveDraft? MergedInto { get; set; }
    public List<PdfWord> OrgUnitWords { get; } = [];

    private double _x0 = double.MaxValue, _y0 = double.MaxValue, _x1, _y1;

    public string TitleText => TextKey.Clean(string.Join(' ', Title));

    public IReadOnlyList<double>? Bbox => _x1 == 0 ? null : [_x0, _y0, _x1, _y1];

    /// <summary>Grows the box with a line of the objective on its first page.</summary>
    public void Extend(LayoutLine line)
    {
        if (line.Page != Page) return;
        _x0 = Math.Min(_x0, line.X0);
        _y0 = Math.Min(_y0, line.Y0);
        _x1 = Math.Max(_x1, line.X1);
        _y1 = Math.Max(_y1, line.Y1);
    }

    public void Absorb(ObjectiveDraft other)
    {
        if (Title.Count == 0) Title.AddRange(other.Title);
        Level ??= other.Level;
        ReportedAchievement ??= other.ReportedAchievement;
        Weight ??= other.Weight;
        Programme ??= other.Programme;
        Mission ??= other.Mission;
        if (OrgUnitWords.Count == 0) OrgUnitWords.AddRange(other.OrgUnitWords);
    }

    /// <summary>
    /// The units of the "Unità organizzative" cell: the cell lists them separated by a wider space than the one
    /// between words, so a gap well above the usual word gap on a line ends a unit.
    /// </summary>
    public IReadOnlyList<string> OrgUnits()
    {
        if (OrgUnitWords.Count == 0) return [];
        var gaps = new List<double>();
        for (var i = 1; i < OrgUnitWords.Count; i++)
            if (SameLine(OrgUnitWords[i - 1], OrgUnitWords[i])) gaps.Add(OrgUnitWords[i].X0 - OrgUnitWords[i - 1].X1);
        var sorted = gaps.Where(g => g > 0).Order().ToList();
        var median = sorted.Count == 0 ? 3 : sorted[sorted.Count / 2];
        var threshold = Math.Max(median * 1.8, median + 2.5);
        var units = new List<string>();
        var current = new List<string> { OrgUnitWords[0].Text };
        for (var i = 1; i < OrgUnitWords.Count; i++)
        {
            var prev = OrgUnitWords[i - 1];
            var word = OrgUnitWords[i];
            if (SameLine(prev, word) && word.X0 - prev.X1 > threshold)
            {
                units.Add(string.Join(' ', current));
                current = [];
            }
            current.Add(word.Text);
        }
        units.Add(string.Join(' ', current));
        return units.Select(TextKey.Clean).Where(u => u.Length > 0).ToList();
    }

    private static bool SameLine(PdfWord a, PdfWord b) => Math.Abs(a.Y0 - b.Y0) < Math.Max(2, a.Height / 2);
}
