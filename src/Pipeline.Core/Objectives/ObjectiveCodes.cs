using Pipeline.Core.Model;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Objectives;

/// <summary>
/// What an objective code says by itself: its comparison key, its depth and the code of its parent.
/// </summary>
/// <remarks>
/// A code is read as tokens: runs of letters and runs of digits (<c>OP.01.01.01</c> → OP 01 01 01, <c>A1</c> → A 1).
/// A first token <c>OS</c>, <c>OBS</c> (or <c>OB</c> then <c>S</c>), <c>OP</c>, <c>AS</c>, <c>AR</c> or <c>AMB</c> is a
/// prefix (any case); every other token is a segment.
/// </remarks>
public static partial class ObjectiveCodes
{
    /// <summary>
    /// The code of the parent objective implied by the code itself, in the code's printed style, or null.
    /// </summary>
    /// <remarks>
    /// Without a prefix the last segment is dropped: <c>1.1.2</c> → <c>1.1</c>, <c>1.1</c> → <c>1</c>, <c>A.1</c> →
    /// <c>A</c>, <c>B.2.1</c> → <c>B.2</c>, <c>A1</c> → <c>A</c>; one segment has no parent. An operational code drops
    /// its last segment too: in the Integra style, the prefix joined by a dot (<c>OP.01.01.01</c>), its parent is the
    /// strategic objective <c>OS.01.01</c>; with the prefix apart or glued (<c>OP 1.1.3</c>, <c>OP1.1.3</c>) the
    /// strategic objectives are numbered plainly, so the parent is <c>1.1</c>. Strategic and area codes with a prefix
    /// (<c>OS.01.02</c>, <c>AS.1</c>) give null: no document seen prints the area inside them in one clear shape, so
    /// the parent comes from the document's layout instead. Compare parents with <see cref="Key"/>.
    /// </remarks>
    public static string? ParentOf(string code)
    {
        var (prefix, segments) = Read(code);
        if (segments.Count < 2) return null;
        var text = code.Trim();
        var head = text[..segments[^1].Index].TrimEnd(' ', '.', '-', '–', '—');
        if (prefix is null) return head;
        if (prefix.Value.Value.ToUpperInvariant() is not ("OP" or "OO")) return null;
        var afterPrefix = text[(prefix.Value.Index + prefix.Value.Length)..];
        var parentSegments = head[(prefix.Value.Index + prefix.Value.Length)..];
        return afterPrefix.StartsWith('.')
            ? "OS" + parentSegments
            : parentSegments.TrimStart(' ', '.');
    }

    /// <summary>
    /// The canonical comparison key: upper case, tokens joined by '.', leading zeros dropped, the prefix kept apart
    /// (<c>OS.01.02</c> → <c>OS.1.2</c>, <c>op 1.1.3.</c> → <c>OP.1.1.3</c>, <c>A1</c> → <c>A.1</c>, <c>OB.S.1</c> →
    /// <c>OS.1</c>). Empty for a code without letters or digits.
    /// </summary>
    public static string Key(string code)
    {
        var (prefix, segments) = Read(code);
        var tokens = segments.Select(SegmentKey);
        if (prefix is not null) tokens = tokens.Prepend(CanonicalPrefix(prefix.Value.Value));
        return string.Join('.', tokens);
    }

    /// <summary>
    /// The level a code's letter prefix names: OS (OBS, OB.S) → strategic, OP and OO → operational, AS, AR and AMB →
    /// area, AZ → action; null for a code without one ("1.1", "A.1"). The one table of prefixes every reader uses.
    /// </summary>
    public static ObjectiveLevel? LevelOfPrefix(string code)
    {
        var (prefix, segments) = Read(code);
        var letters = prefix is { } p ? CanonicalPrefix(p.Value)
            : segments.Count > 1 && segments[0].Value.ToUpperInvariant() == "AZ" ? "AZ" : null;
        return letters switch
        {
            "OS" => ObjectiveLevel.Strategic,
            "OP" or "OO" => ObjectiveLevel.Operational,
            "AS" or "AR" or "AMB" => ObjectiveLevel.Area,
            "AZ" => ObjectiveLevel.Action,
            _ => null,
        };
    }

    /// <summary>
    /// Whether <paramref name="code"/> is numbered inside <paramref name="ancestor"/>: the ancestor's segments begin the
    /// code's, which has more, whatever their prefixes (<c>AS.01</c> → <c>OS.01.02</c> → <c>OP.01.02.03</c>, the
    /// Integra numbering; <c>1.1</c> → <c>1.1.2</c>). Segments compare as <see cref="Key"/> writes them (01 = 1). Use it
    /// to place a code whose <see cref="ParentOf"/> is unknown under a broader objective the document printed.
    /// </summary>
    public static bool IsWithin(string code, string ancestor)
    {
        var outer = SegmentKeys(ancestor);
        if (outer.Length == 0) return false;
        var inner = SegmentKeys(code);
        if (outer.Length >= inner.Length) return false;
        for (var i = 0; i < outer.Length; i++)
            if (!string.Equals(outer[i], inner[i], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>
    /// A code's segment keys, remembered: readers compare every objective with every other (<see cref="IsWithin"/>),
    /// and a document has a few hundred codes at most (the memory is bounded all the same).
    /// </summary>
    private static string[] SegmentKeys(string code)
    {
        if (KnownSegmentKeys.TryGetValue(code, out var keys)) return keys;
        keys = Read(code).Segments.Select(SegmentKey).ToArray();
        if (KnownSegmentKeys.Count < 4096) KnownSegmentKeys.TryAdd(code, keys);
        return keys;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> KnownSegmentKeys = new(StringComparer.Ordinal);

    /// <summary>The number of segments after any prefix: <c>1</c> → 1, <c>1.1</c> → 2, <c>A.1</c> → 2, <c>A1</c> → 2, <c>OP.01.01.01</c> → 3.</summary>
    public static int Depth(string code) => Read(code).Segments.Count;

    private static string SegmentKey(Token t) => t.Value.All(char.IsAsciiDigit)
        ? t.Value.TrimStart('0') is { Length: > 0 } digits ? digits : "0"
        : t.Value.ToUpperInvariant();

    private readonly record struct Token(string Value, int Index, int Length);

    private static (Token? Prefix, List<Token> Segments) Read(string code)
    {
        var tokens = TokenRegex().Matches(code.Trim()).Select(m => new Token(m.Value, m.Index, m.Length)).ToList();
        if (tokens.Count == 0) return (null, tokens);
        var first = tokens[0].Value.ToUpperInvariant();
        if (first == "OB" && tokens.Count > 1 && tokens[1].Value.ToUpperInvariant() == "S")
        {
            var merged = new Token("OBS", tokens[0].Index, tokens[1].Index + tokens[1].Length - tokens[0].Index);
            return (merged, tokens.Skip(2).ToList());
        }
        return first is "OS" or "OBS" or "OP" or "OO" or "AS" or "AR" or "AMB"
            ? (tokens[0], tokens.Skip(1).ToList())
            : (null, tokens);
    }

    private static string CanonicalPrefix(string prefix) => prefix.ToUpperInvariant() is var p && p == "OBS" ? "OS" : p;

    [GeneratedRegex(@"\p{L}+|\d+")]
    private static partial Regex TokenRegex();
}
