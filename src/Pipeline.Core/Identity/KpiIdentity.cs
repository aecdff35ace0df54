using System.Text.RegularExpressions;
using Pipeline.Core.Text;

namespace Pipeline.Core.Identity;

/// <summary>How a KPI of a document was matched to a KPI already in the warehouse.</summary>
public enum KpiMatchKind
{
    /// <summary>By a manual match recorded in configuration (wins over everything else).</summary>
    Manual,
    /// <summary>By the KPI code both print.</summary>
    Code,
    /// <summary>By the normalised name.</summary>
    Name,
    /// <summary>By a name similar enough (at or above the threshold).</summary>
    Similar,
    /// <summary>A candidate is close but not close enough: a new KPI, listed for review.</summary>
    Uncertain,
    /// <summary>Nothing close: a new KPI.</summary>
    None,
}

/// <summary>A KPI already known (in the same plan and objective).</summary>
public sealed record KpiCandidate(long Id, string? Code, string Name);

/// <summary>The outcome of matching one KPI: the kind, the candidate (matched or closest), the similarity (0–1).</summary>
public sealed record KpiMatch(KpiMatchKind Kind, KpiCandidate? Candidate, double Score)
{
    /// <summary>True when the KPI is the candidate.</summary>
    public bool IsMatch => Kind is KpiMatchKind.Manual or KpiMatchKind.Code or KpiMatchKind.Name or KpiMatchKind.Similar;
}

/// <summary>
/// The same KPI in a Piano, a monitoraggio, a Relazione and a workbook: by code where both print one, else by name
/// normalised (case, accents, punctuation, HTML, a trailing "Tipologia: …"), else by similarity of the names' words
/// (Dice coefficient over their significant words, prepositions and articles left out) at or above
/// <see cref="SimilarAt"/>; from <see cref="UncertainAt"/> up the closest candidate is reported for review.
/// </summary>
public static partial class KpiIdentity
{
    public const double SimilarAt = 0.85;
    public const double UncertainAt = 0.6;

    private static readonly HashSet<string> Filler =
    [
        "di", "del", "della", "dello", "dei", "degli", "delle", "dell", "d", "e", "ed", "a", "al", "alla", "ai", "agli", "alle", "all",
        "il", "lo", "la", "i", "gli", "le", "l", "un", "una", "uno", "in", "nel", "nella", "nei", "nelle", "per", "con", "da", "dal", "dalla",
        "su", "sul", "sulla", "n", "nr", "numero", "num",
    ];

    /// <summary>The name as compared: normalised, without a trailing "Tipologia: …".</summary>
    public static string Key(string name) => TextKey.Normalize(TypeSuffix().Replace(name, ""));

    /// <summary>The significant words of a name.</summary>
    public static IReadOnlySet<string> Words(string name) =>
        Key(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Filler.Contains(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Dice coefficient of the significant words: 1 for the same words, 0 for none in common.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 && y.Count == 0) return Key(a) == Key(b) ? 1 : 0;
        return 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    /// <summary>
    /// Matches a KPI (its code and name) against the candidates; <paramref name="manual"/> is the candidate a manual
    /// match names, if any.
    /// </summary>
    public static KpiMatch Match(string? code, string name, IReadOnlyList<KpiCandidate> candidates, KpiCandidate? manual = null)
    {
        if (manual is not null) return new KpiMatch(KpiMatchKind.Manual, manual, 1);
        if (!string.IsNullOrWhiteSpace(code))
        {
            var byCode = candidates.Where(c => c.Code is not null && string.Equals(c.Code.Trim(), code.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (byCode.Count == 1) return new KpiMatch(KpiMatchKind.Code, byCode[0], 1);
        }
        // a candidate with another code is another KPI, however alike the names
        var compatible = candidates.Where(c => string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(c.Code)
                                               || string.Equals(c.Code.Trim(), code.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var key = Key(name);
        var byName = compatible.Where(c => Key(c.Name) == key).ToList();
        if (byName.Count == 1) return new KpiMatch(KpiMatchKind.Name, byName[0], 1);
        if (byName.Count > 1) return new KpiMatch(KpiMatchKind.Uncertain, byName[0], 1);
        var best = compatible
            .Select(c => (Candidate: c, Score: Similarity(name, c.Name)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.Id)
            .ToList();
        if (best.Count == 0 || best[0].Score < UncertainAt) return new KpiMatch(KpiMatchKind.None, best.Count == 0 ? null : best[0].Candidate, best.Count == 0 ? 0 : best[0].Score);
        // two candidates as close as each other: not decided automatically
        var tie = best.Count > 1 && Math.Abs(best[1].Score - best[0].Score) < 1e-9;
        var kind = best[0].Score >= SimilarAt && !tie ? KpiMatchKind.Similar : KpiMatchKind.Uncertain;
        return new KpiMatch(kind, best[0].Candidate, best[0].Score);
    }

    [GeneratedRegex(@"\s*[-–(]?\s*Tipologia\s*(?:KPI)?\s*:\s*\p{L}+\s*\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeSuffix();
}
