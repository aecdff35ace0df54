using Pipeline.Core.Extraction;
using Pipeline.Core.Objectives;
using Pipeline.Core.Text;

namespace Pipeline.Warehouse.Loading;

/// <summary>
/// The <c>objective_key</c> a document's objective is stored under in its plan: the key of the plan's objective it is
/// (<see cref="ObjectiveIdentity"/>: by code, else by title, so a workbook that prints no codes does not store the
/// plan's objectives again beside them), else its own key — the printed code, else the normalised title.
/// </summary>
internal sealed class ObjectiveKeys(IReadOnlyList<ObjectiveKeys.Known> known)
{
    /// <summary>An objective of the plan as stored: its id, level, key, code and title.</summary>
    internal sealed record Known(long Id, string Level, string Key, string? Code, string Title);

    internal const string Sql =
        "SELECT objective_id AS Id, level AS Level, objective_key AS Key, code AS Code, title AS Title FROM dim_objective WHERE plan_id = @planId ORDER BY objective_id";

    private readonly List<Known> _known = [.. known];
    private readonly Dictionary<long, string> _takenBy = [];

    /// <summary>The key to store <paramref name="objective"/> under; remember what the upsert returns with <see cref="Stored"/>.</summary>
    public string KeyOf(ExtractedObjective objective, string level)
    {
        var own = OwnKey(objective);
        if (_known.Any(k => k.Level == level && k.Key == own)) return own;
        var candidates = _known
            .Where(k => !_takenBy.TryGetValue(k.Id, out var by) || by == own) // two objectives of one document stay two
            .Select(k => new ObjectiveCandidate(k.Id, k.Level, k.Code, k.Title));
        return ObjectiveIdentity.Match(new ObjectiveCandidate(0, level, objective.Code, objective.Title), candidates) is { } match
            ? _known.First(k => k.Id == match.Id).Key
            : own;
    }

    /// <summary>Records the row an objective of the document was stored as.</summary>
    public void Stored(ExtractedObjective objective, long id, string level, string key)
    {
        _takenBy.TryAdd(id, OwnKey(objective));
        if (_known.All(k => k.Id != id))
            _known.Add(new Known(id, level, key, string.IsNullOrWhiteSpace(objective.Code) ? null : objective.Code.Trim(), TextKey.Clean(objective.Title)));
    }

    /// <summary>The key an objective has by itself: the printed code, else the normalised title.</summary>
    private static string OwnKey(ExtractedObjective objective) =>
        string.IsNullOrWhiteSpace(objective.Code) ? "t:" + TextKey.Normalize(objective.Title) : "c:" + objective.Code.Trim().ToUpperInvariant();
}
