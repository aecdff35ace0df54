namespace Pipeline.Core.Chambers;

/// <summary>
/// Code and name index over a list of chambers, with the phrase-driven scan behind
/// <see cref="ChamberResolver.FindInText"/>. Built once per list; immutable afterwards.
/// </summary>
internal sealed class ChamberIndex
{
    /// <summary>Phrases that introduce a chamber's name, as normalized tokens.</summary>
    private static readonly string[][] Triggers =
    [
        ["camera", "di", "commercio"],
        ["cciaa"],
        ["c", "c", "i", "a", "a"],
    ];

    /// <summary>
    /// Tokens that may stand between a chamber phrase and the name: the rest of the official title
    /// ("industria artigianato e agricoltura", "I.A.A.", "(CCIAA)") and prepositions ("di", "del", "della",
    /// "dell'", "della provincia di", ...).
    /// </summary>
    private static readonly HashSet<string> Fillers =
    [
        "industria", "artigianato", "agricoltura", "e", "ed", "i", "a", "c", "iaa", "cciaa", "metropolitana",
        "di", "del", "della", "dello", "dell", "dei", "degli", "delle", "de", "d", "per", "la", "provincia",
        "provinciale",
    ];

    /// <summary>Most tokens skipped between a chamber phrase and a name.</summary>
    private const int MaxFillers = 12;

    /// <summary>Names that are not a chamber although they contain one's name ("Emilia" in "Emilia-Romagna").</summary>
    private static readonly string[] NotChambers = ["emilia romagna"];

    /// <summary>Names beginning with one of these words name a chamber by themselves ("Chambre valdôtaine").</summary>
    private static readonly string[] SelfNamingWords = ["camera", "chambre", "handelskammer"];

    private readonly Dictionary<string, ChamberInfo> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChamberInfo[]> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChamberInfo[]> _selfNaming = new(StringComparer.Ordinal);
    private readonly int _maxNameTokens;
    private readonly int _maxSelfNamingTokens;

    public ChamberIndex(IEnumerable<ChamberInfo> chambers)
    {
        var byName = new Dictionary<string, List<ChamberInfo>>(StringComparer.Ordinal);
        foreach (var chamber in chambers)
        {
            _byCode.TryAdd(chamber.Code.Trim().ToUpperInvariant(), chamber);
            foreach (var name in chamber.Names.Prepend(chamber.Name))
            {
                var key = ChamberResolver.Normalize(name);
                if (key.Length == 0) continue;
                if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
                if (!list.Contains(chamber)) list.Add(chamber);
            }
        }

        // A leading word shared by names of different chambers ("Reggio" in Reggio Emilia / Reggio Calabria)
        // that is not a name itself is ambiguous: recognised, so that it resolves to nothing rather than to the
        // wrong chamber or to a shorter name.
        var leading = new Dictionary<string, HashSet<ChamberInfo>>(StringComparer.Ordinal);
        foreach (var (key, list) in byName)
        {
            var space = key.IndexOf(' ');
            if (space < 0) continue;
            var first = key[..space];
            if (byName.ContainsKey(first)) continue;
            if (!leading.TryGetValue(first, out var set)) leading[first] = set = [];
            set.UnionWith(list);
        }
        foreach (var (first, set) in leading)
            if (set.Count > 1) _byName[first] = [.. set];

        foreach (var (key, list) in byName) _byName[key] = [.. list];
        foreach (var key in NotChambers) _byName[key] = [];

        foreach (var (key, list) in _byName)
        {
            var tokens = key.Split(' ').Length;
            _maxNameTokens = Math.Max(_maxNameTokens, tokens);
            if (list.Length > 0 && SelfNamingWords.Any(w => key.StartsWith(w + " ", StringComparison.Ordinal)))
            {
                _selfNaming[key] = list;
                _maxSelfNamingTokens = Math.Max(_maxSelfNamingTokens, tokens);
            }
        }
    }

    public ChamberInfo? Lookup(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName)) return null;
        var key = ChamberResolver.Normalize(codeOrName);
        if (key.Length == 0) return null;
        if (_byCode.TryGetValue(key.Replace(" ", "").ToUpperInvariant(), out var byCode)) return byCode;
        if (_byName.TryGetValue(key, out var byName)) return byName.Length == 1 ? byName[0] : null;
        return FindInText(key);
    }

    public ChamberInfo? FindInText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = ChamberResolver.Normalize(text);
        if (normalized.Length == 0) return null;
        var tokens = normalized.Split(' ');

        var counts = new Dictionary<string, (ChamberInfo Chamber, int Count)>(StringComparer.Ordinal);
        foreach (var candidates in Mentions(tokens))
            foreach (var chamber in candidates)
                counts[chamber.Code] = (chamber, counts.TryGetValue(chamber.Code, out var c) ? c.Count + 1 : 1);

        if (counts.Count == 0) return null;
        var ranked = counts.Values.OrderByDescending(c => c.Count).ToList();
        return ranked.Count == 1 || ranked[0].Count > ranked[1].Count ? ranked[0].Chamber : null;
    }

    /// <summary>Each chamber naming in the text, as its candidate chambers (more than one when ambiguous).</summary>
    private IEnumerable<ChamberInfo[]> Mentions(string[] tokens)
    {
        var i = 0;
        while (i < tokens.Length)
        {
            if (SelfNamingWords.Contains(tokens[i])
                && LongestMatch(_selfNaming, _maxSelfNamingTokens, tokens, i) is { } self)
            {
                yield return self.Chambers;
                i += self.Length;
                continue;
            }

            var trigger = TriggerLength(tokens, i);
            if (trigger == 0)
            {
                i++;
                continue;
            }

            var j = i + trigger;
            var skipped = 0;
            while (j < tokens.Length)
            {
                if (LongestMatch(_byName, _maxNameTokens, tokens, j) is { } named)
                {
                    if (named.Chambers.Length > 0) yield return named.Chambers;
                    j += named.Length;
                    break;
                }
                if (!Fillers.Contains(tokens[j]) || ++skipped > MaxFillers) break;
                j++;
            }
            i = j;
        }
    }

    private static int TriggerLength(string[] tokens, int at)
    {
        foreach (var trigger in Triggers)
        {
            if (at + trigger.Length > tokens.Length) continue;
            var match = true;
            for (var k = 0; k < trigger.Length && match; k++)
                match = tokens[at + k] == trigger[k];
            if (match) return trigger.Length;
        }
        return 0;
    }

    private static (ChamberInfo[] Chambers, int Length)? LongestMatch(
        Dictionary<string, ChamberInfo[]> names, int maxTokens, string[] tokens, int at)
    {
        for (var length = Math.Min(maxTokens, tokens.Length - at); length >= 1; length--)
        {
            var key = string.Join(' ', tokens, at, length);
            if (names.TryGetValue(key, out var chambers)) return (chambers, length);
        }
        return null;
    }
}
