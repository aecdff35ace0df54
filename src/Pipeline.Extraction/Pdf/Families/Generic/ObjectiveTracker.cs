using System.Globalization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Model;
using Pipeline.Core.Objectives;
using Pipeline.Core.Text;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// The objective tree of a document as the general reader meets it: headings above tables ("Obiettivo strategico
/// 1.1 – …", "A.1 …", "OS.01.02 …"), key/value cards (Codice, Livello, Obiettivo, Obiettivo padre) and objective
/// columns ("1.1 Miglioramento …"). A parent comes from a printed parent code, else from the code itself
/// (1.1.2 under 1.1), else from a broader objective whose number begins the code's (AS.01 over OS.01.02), else from
/// the latest objective of a broader level. Objectives under which no KPI is read are
/// left out at the end, so an index or a chapter heading that looks like one costs nothing.
/// </summary>
public sealed class ObjectiveTracker
{
    private readonly List<ExtractedObjective> _objectives = [];
    private readonly Dictionary<string, string> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<ObjectiveLevel, string> _lastByLevel = [];
    private readonly Dictionary<string, ObjectiveLevel> _levels = new(StringComparer.Ordinal);

    /// <summary>The id of the latest objective met, the one a KPI table below it belongs to.</summary>
    public string? Current { get; private set; }

    /// <summary>Registers the objective a heading row names; false when the row is not an objective heading.</summary>
    public bool TryHeading(LayoutRow row)
    {
        var text = TextKey.Clean(row.Text);
        if (text.Length is 0 or > 400 || ObjectiveHeadingParser.Parse(text) is not { } heading) return false;
        if (heading.Level is null && !Structured(heading.Code)) return false;
        if (heading.Title.Length == 0 && heading.Level is null) return false;
        Current = Register(heading.Code, heading.Level, heading.Title, null, null, SourceRef.ForPage(row.Page, row.Box.ToArray()));
        return true;
    }

    /// <summary>The second line of a heading that wrapped: its words end the latest objective's title.</summary>
    public void ExtendTitle(string text)
    {
        if (Current is null || _objectives.FindIndex(o => o.Id == Current) is not (>= 0 and var i)) return;
        _objectives[i] = _objectives[i] with { Title = TextKey.Clean(_objectives[i].Title + " " + text) };
    }

    /// <summary>The objective an objective cell of a KPI row names ("1.1 Miglioramento …", or a title alone).</summary>
    public string? FromCell(string? code, string? title, ObjectiveLevel? level, SourceRef source)
    {
        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(title)) return null;
        if (string.IsNullOrWhiteSpace(code) && ObjectiveHeadingParser.Parse(title) is { } parsed && (parsed.Level is not null || Structured(parsed.Code)))
            return Current = Register(parsed.Code, parsed.Level ?? level, parsed.Title, null, null, source);
        return Current = Register(string.IsNullOrWhiteSpace(code) ? null : code.Trim(), level, TextKey.Clean(title ?? code!), null, null, source);
    }

    /// <summary>Registers an objective read from a key/value card.</summary>
    public void FromCard(ObjectiveCard card, SourceRef source)
    {
        if (card.Code is null && card.Title is null) return;
        Current = Register(card.Code, card.Level, card.Title ?? card.Code!, card.ParentCode, card.Weight, source);
    }

    /// <summary>The objectives with a KPI under them or under a descendant, parents before children.</summary>
    public IReadOnlyList<ExtractedObjective> Objectives(IEnumerable<ExtractedKpi> kpis)
    {
        var used = kpis.Select(k => k.Objective).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var parents = _objectives.ToDictionary(o => o.Id, o => o.Parent, StringComparer.Ordinal);
        foreach (var id in used.ToList())
            for (var p = parents.GetValueOrDefault(id); p is not null && used.Add(p); p = parents.GetValueOrDefault(p)) { }
        return _objectives.Where(o => used.Contains(o.Id)).ToList();
    }

    private string Register(string? code, ObjectiveLevel? printedLevel, string title, string? parentCode, decimal? weight, SourceRef source)
    {
        var level = printedLevel ?? LevelOf(code);
        var key = code is null ? null : ObjectiveCodes.Key(code);
        var titleKey = TextKey.Normalize(title);
        if (key is not null && _byCode.TryGetValue(key, out var known)) return Touch(known);
        if (key is null && _byTitle.TryGetValue(titleKey, out var same)) return Touch(same);

        var parent = ParentId(code, parentCode, level);
        foreach (var deeper in _lastByLevel.Keys.Where(k => k >= level).ToList()) _lastByLevel.Remove(deeper);
        var id = "o" + (_objectives.Count + 1).ToString(CultureInfo.InvariantCulture);
        _objectives.Add(new ExtractedObjective
        {
            Id = id, Code = code, Level = level.ToCode(), Title = title.Length > 0 ? title : code ?? "", Parent = parent, Weight = weight, Source = source,
        });
        if (key is not null) _byCode[key] = id;
        if (titleKey.Length > 0) _byTitle.TryAdd(titleKey, id);
        _levels[id] = level;
        _lastByLevel[level] = id;
        return id;
    }

    /// <summary>A known objective met again: it becomes the latest of its level, its deeper levels are closed.</summary>
    private string Touch(string id)
    {
        var level = _levels[id];
        foreach (var deeper in _lastByLevel.Keys.Where(k => k > level).ToList()) _lastByLevel.Remove(deeper);
        _lastByLevel[level] = id;
        return id;
    }

    private string? ParentId(string? code, string? parentCode, ObjectiveLevel level)
    {
        if (parentCode is not null && _byCode.TryGetValue(ObjectiveCodes.Key(parentCode), out var printed)) return printed;
        for (var c = code is null ? null : ObjectiveCodes.ParentOf(code); c is not null; c = ObjectiveCodes.ParentOf(c))
            if (_byCode.TryGetValue(ObjectiveCodes.Key(c), out var implied)) return implied;
        // a broader objective whose number begins this one's (AS.01 over OS.01.02), the nearest level first
        if (code is not null && _objectives.Where(o => o.Code is not null && _levels[o.Id] < level && ObjectiveCodes.IsWithin(code, o.Code))
                .OrderByDescending(o => _levels[o.Id]).FirstOrDefault() is { } numbered) return numbered.Id;
        return _lastByLevel.Where(kv => kv.Key < level).OrderByDescending(kv => kv.Key).Select(kv => kv.Value).FirstOrDefault();
    }

    /// <summary>The level a code's shape implies: its prefix (<see cref="ObjectiveCodes.LevelOfPrefix"/>), else its depth (1: area or strategic, 2: strategic, more: operational).</summary>
    private static ObjectiveLevel LevelOf(string? code)
    {
        if (code is null) return ObjectiveLevel.Operational;
        return ObjectiveCodes.LevelOfPrefix(code) ?? ObjectiveCodes.Depth(code) switch
        {
            <= 1 => char.IsLetter(code.TrimStart()[0]) ? ObjectiveLevel.Area : ObjectiveLevel.Strategic,
            2 => ObjectiveLevel.Strategic,
            _ => ObjectiveLevel.Operational,
        };
    }

    /// <summary>A code with structure (1.1, A.1, A1, OS.01) rather than a bare number, which could be a list item.</summary>
    private static bool Structured(string code) =>
        code.Contains('.') || code.Any(char.IsLetter) && code.Any(char.IsDigit);
}
