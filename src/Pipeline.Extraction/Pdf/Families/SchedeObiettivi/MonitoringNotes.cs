using Pipeline.Core.Extraction;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;
using static Pipeline.Extraction.Pdf.Families.SchedeObiettivi.SchedeVocabulary;

namespace Pipeline.Extraction.Pdf.Families.SchedeObiettivi;

/// <summary>The actual a monitoring note gives ("… in linea con target 50% attività svolta"): its period, text, value and place.</summary>
internal sealed record NoteActual(string Period, string Raw, decimal? Value, SourceRef? Source);

/// <summary>
/// Monitoring notes: their percentage is the actual of the KPIs printed since the previous note. A note that wraps
/// goes on in the lines right below it, or at the top of the next page while its percentage is still to come.
/// </summary>
internal sealed class MonitoringNotes(IReadOnlyList<LayoutLine> lines, double gapLimit, Func<LayoutLine, bool> startsRecord)
{
    /// <summary>Reads the note that starts at line <paramref name="i"/>: the last line it takes, and its actual (null without a percentage).</summary>
    public (int LastLine, NoteActual? Actual) Read(int i, string period)
    {
        var taken = new List<LayoutLine> { lines[i] };
        var last = i;
        for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
        {
            var next = lines[j];
            var previous = taken[^1];
            var follows = next.Page == previous.Page
                ? next.Y0 > previous.Y0 + 1 && next.Y0 - previous.Y1 < gapLimit
                : next.Page == previous.Page + 1 && lines[j - 1].Page == previous.Page && !Percent().IsMatch(string.Join(' ', taken.Select(l => l.Text)));
            if (!follows || startsRecord(next)) break;
            taken.Add(next);
            last = j;
        }
        var text = string.Join(' ', taken.Select(l => l.Text));
        var m = Percent().Match(text);
        if (!m.Success) return (last, null);
        var box = new SourceBox();
        foreach (var l in taken) box.Add(l);
        return (last, new NoteActual(period, TextKey.Clean(text), ItalianNumber.Parse(m.Groups["n"].Value)?.Value, box.ToSource()));
    }

    /// <summary>
    /// A monitoring note run into the text before it as a new HTML paragraph ("… assistenza &lt;p&gt;monitoraggio
    /// semestrale in linea con target 50% …") is a line of its own.
    /// </summary>
    public static IEnumerable<LayoutLine> SplitNote(LayoutLine line)
    {
        for (var k = 1; k < line.Words.Count; k++)
        {
            if (!line.Words[k].Text.StartsWith('<')) continue;
            var rest = line.Words.Skip(k).ToList();
            if (!IsNote(TextKey.Normalize(string.Join(' ', rest.Take(3).Select(w => w.Text))))) continue;
            return [line with { Words = line.Words.Take(k).ToList() }, line with { Words = rest }];
        }
        return [line];
    }
}
