using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Objectives;
using Pipeline.Core.Text;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// The <c>objective_key</c> each of a document's objectives is stored under in its plan: the key of the plan's
/// objective it is (<see cref="ObjectiveIdentity"/>: by code, else by title, so a workbook that prints no codes does not
/// store the plan's objectives again beside them), else its own key — the printed code, else the normalised title.
/// Worked out before anything is written, like the KPIs' placement, so that a new version can be judged first.
/// </summary>
internal sealed class ObjectiveKeys
{
    /// <summary>An objective of the plan as stored: its id, level, key, code and title.</summary>
    internal sealed record Known(long Id, string Level, string Key, string? Code, string Title);

    private const string Sql =
        "SELECT objective_id AS Id, level AS Level, objective_key AS Key, code AS Code, title AS Title FROM dim_objective WHERE plan_id = @planId ORDER BY objective_id";

    private readonly List<Known> _known;
    private readonly Dictionary<long, string> _takenBy = [];
    private long _nextNew = -1; // ids of the objectives the document adds, until they are written

    private ObjectiveKeys(IEnumerable<Known> known) => _known = [.. known];

    /// <summary>The key of each objective of <paramref name="objectives"/> (by its id in the document).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(LoadSession session, long planId, IReadOnlyList<ExtractedObjective> objectives) =>
        Resolve(await session.QueryAsync<Known>(Sql, new { planId }), objectives);

    /// <summary>The key of each objective of <paramref name="objectives"/> against the plan's <paramref name="known"/> ones.</summary>
    public static IReadOnlyDictionary<string, string> Resolve(IEnumerable<Known> known, IReadOnlyList<ExtractedObjective> objectives)
    {
        var keys = new ObjectiveKeys(known);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var objective in objectives)
            resolved[objective.Id] = keys.KeyOf(objective, ObjectiveLevels.Parse(objective.Level).ToCode());
        return resolved;
    }

    private string KeyOf(ExtractedObjective objective, string level)
    {
        var own = OwnKey(objective);
        var key = _known.Any(k => k.Level == level && k.Key == own) ? own : MatchedKey(objective, level, own) ?? own;
        var row = _known.FirstOrDefault(k => k.Level == level && k.Key == key);
        if (row is null)
        {
            row = new Known(_nextNew--, level, key, string.IsNullOrWhiteSpace(objective.Code) ? null : objective.Code.Trim(), TextKey.Clean(objective.Title));
            _known.Add(row);
        }
        _takenBy.TryAdd(row.Id, own);
        return key;
    }

    private string? MatchedKey(ExtractedObjective objective, string level, string own)
    {
        var candidates = _known
            .Where(k => !_takenBy.TryGetValue(k.Id, out var by) || by == own) // two objectives of one document stay two
            .Select(k => new ObjectiveCandidate(k.Id, k.Level, k.Code, k.Title));
        return ObjectiveIdentity.Match(new ObjectiveCandidate(0, level, objective.Code, objective.Title), candidates) is { } match
            ? _known.First(k => k.Id == match.Id).Key
            : null;
    }

    /// <summary>The key an objective has by itself: the printed code, else the normalised title.</summary>
    private static string OwnKey(ExtractedObjective objective) =>
        string.IsNullOrWhiteSpace(objective.Code) ? "t:" + TextKey.Normalize(objective.Title) : "c:" + objective.Code.Trim().ToUpperInvariant();
}
