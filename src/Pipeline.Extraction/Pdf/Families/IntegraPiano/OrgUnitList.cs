using System.Text.RegularExpressions;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.IntegraPiano;

/// <summary>
/// The "Unità organizzative coinvolte" list of an objective: one organisational unit per line ("S. 3.1 PROMOZIONE …",
/// "U.3.1.1 Incentivi …"), bullets dropped. A line continues the previous unit when that one was cut mid-name: it
/// ended with a dash or comma, or the line starts in lower case, or both are upper-case names and the line does not
/// start with a unit code. A code printed inside a line ("… ORGANI STAFF.2 GESTIONE …") starts another unit.
/// </summary>
internal sealed partial class OrgUnitList(double pitch)
{
    private readonly List<string> _units = [];
    private List<PdfWord> _lastUnitWords = [];

    /// <summary>Adds a line of the list (<paramref name="text"/>: its text, or the part of it that belongs to the list); <paramref name="previous"/> is the line before it.</summary>
    public void Add(LayoutLine line, string text, LayoutLine? previous)
    {
        text = TextKey.Clean(Bullet().Replace(text.Replace("**", ""), ""));
        if (text.Length == 0) return;
        var words = text.Split(' ');
        var first = words[0];
        var close = previous is { } prev && prev.Page == line.Page && line.Y0 - prev.Y0 <= 1.15 * pitch;
        if (_units.Count > 0 && close && WrappedCode(line, first, words)) return;
        var continues = _units.Count > 0 && close
            && (_units[^1].EndsWith('-') || _units[^1].EndsWith(',') || char.IsLower(first[0])
                || (!StartsWithCode(words) && Upper(first) && Upper(_units[^1])));
        var parts = InlineUnitCode().Split(text).Where(x => x.Trim().Length > 0).Select(x => x.Trim()).ToList();
        if (parts.Count == 0) return;
        _lastUnitWords = continues || parts.Count > 1 ? [] : line.Words.SkipWhile(w => Bullet().IsMatch(w.Text + " ")).ToList();
        if (continues) _units[^1] = _units[^1] + " " + parts[0];
        else _units.Add(parts[0]);
        _units.AddRange(parts.Skip(1));
    }

    /// <summary>The units read since the last call, cleaned; the list starts over.</summary>
    public IReadOnlyList<string> Flush()
    {
        _lastUnitWords = [];
        var units = _units.Select(u => TextKey.Clean(u)).ToList();
        _units.Clear();
        return units;
    }

    /// <summary>
    /// A unit code wrapped in a narrow code column ("S." / "1.1"): the fragment goes after the code's start, the rest
    /// of the line continues the name.
    /// </summary>
    private bool WrappedCode(LayoutLine line, string first, string[] words)
    {
        if (_lastUnitWords.Count == 0 || !CodeFragment().IsMatch(first) || _lastUnitWords[0].Text.Any(char.IsDigit)
            || (_lastUnitWords.Count >= 2 && CodeFragment().IsMatch(_lastUnitWords[1].Text))) return false;
        var codeEnd = line.Words[0].X1 + 5;
        var head = _lastUnitWords.TakeWhile(w => w.X0 < codeEnd).Select(w => w.Text).ToList();
        var tail = _lastUnitWords.Skip(head.Count).Select(w => w.Text);
        _units[^1] = TextKey.Clean(string.Join(' ', [.. head, first, .. tail, .. words.Skip(1)]));
        _lastUnitWords = [];
        return true;
    }

    private bool StartsWithCode(string[] words)
    {
        bool IsCode(int i) => i < words.Length && (words[i].Any(char.IsDigit) || words[i].Count(c => c == '.') >= 1 && words[i].Length <= 8
            || RomanNumeral().IsMatch(words[i]));
        var first = words[0];
        var knownPrefix = _units.Any(u => string.Concat(u.TakeWhile(char.IsLetter)) is { Length: > 0 } p && p == string.Concat(first.TakeWhile(char.IsLetter)));
        return IsCode(0) || IsCode(1) || knownPrefix;
    }

    private static bool Upper(string s) => s.Any(char.IsLetter) && s.Where(char.IsLetter).All(char.IsUpper);

    [GeneratedRegex(@"^\s*(?:[-–•·*▪]\s+)+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$")]
    private static partial Regex RomanNumeral();

    /// <summary>Cuts a line before a unit code such as "STAFF.2" or "U.3.1.1" that follows an upper-case name.</summary>
    [GeneratedRegex(@"(?<=[A-Z]{2,}\s)(?=[A-Z]{1,6}\.\d+(?:\.\d+)*\s)")]
    private static partial Regex InlineUnitCode();

    [GeneratedRegex(@"^(?=\S*[\d.])(?:\d+|[A-Z]{1,3})(?:\.(?:\d+|[A-Z]{1,3}))*\.?$")]
    private static partial Regex CodeFragment();
}
