using Pipeline.Core.Model;

namespace Pipeline.Extraction.Excel;

/// <summary>
/// The open section rows of a sheet, broadest first: a new section closes those of its level and below and hangs
/// under the nearest broader one; KPI rows belong to the innermost.
/// </summary>
public sealed class SectionTracker
{
    private readonly List<(ObjectiveLevel Level, string Id)> _open = [];

    /// <summary>The objective the rows under the last section belong to; null before any section.</summary>
    public string? Current => _open.Count == 0 ? null : _open[^1].Id;

    /// <summary>Closes the sections a new one of <paramref name="level"/> ends and returns its parent's id.</summary>
    public string? Open(ObjectiveLevel level)
    {
        while (_open.Count > 0 && _open[^1].Level >= level) _open.RemoveAt(_open.Count - 1);
        return Current;
    }

    public void Push(ObjectiveLevel level, string id) => _open.Add((level, id));
}
