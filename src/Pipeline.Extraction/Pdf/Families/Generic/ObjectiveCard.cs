using Pipeline.Core.Model;
using Pipeline.Core.Objectives;
using Pipeline.Core.Text;
using Pipeline.Core.Values;
using Pipeline.Extraction.Pdf.Layout;

namespace Pipeline.Extraction.Pdf.Families.Generic;

/// <summary>
/// A key/value card describing an objective (Codice | …, Livello | …, Obiettivo | …, Obiettivo padre | …), filled row
/// by row; a key may follow a cell that opens the card's group ("Obiettivo | Titolo | …"). A card is never a KPI table.
/// </summary>
public sealed class ObjectiveCard
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["codice"] = "code", ["codice obiettivo"] = "code", ["cod obiettivo"] = "code", ["id"] = "code",
        ["livello"] = "level", ["tipo obiettivo"] = "level", ["tipologia obiettivo"] = "level", ["livello obiettivo"] = "level",
        ["obiettivo"] = "title", ["titolo"] = "title", ["denominazione"] = "title", ["titolo obiettivo"] = "title", ["descrizione obiettivo"] = "title",
        ["obiettivo strategico"] = "strategic", ["obiettivo operativo"] = "operational", ["area strategica"] = "area", ["ambito strategico"] = "area",
        ["obiettivo padre"] = "parent", ["padre"] = "parent", ["obiettivo strategico di riferimento"] = "parent", ["obiettivo di riferimento"] = "parent",
        ["peso"] = "weight", ["peso obiettivo"] = "weight",
    };

    public string? Code { get; private set; }
    public ObjectiveLevel? Level { get; private set; }
    public string? Title { get; private set; }
    public string? ParentCode { get; private set; }
    public decimal? Weight { get; private set; }
    public LayoutRow? First { get; private set; }
    public bool IsEmpty => First is null;

    /// <summary>The key a row of a card opens with, or null when the row is not a card row.</summary>
    public static string? KeyOf(LayoutRow row) => KeyCell(row) is { } at ? Key(row.Cells[at]) : null;

    /// <summary>
    /// Which cell holds the row's key: the first; or the second when the first only opens the card's group and the
    /// key follows ("Obiettivo | Titolo | …", "Obiettivo (AA 201) | TITOLO | …"), the value after it. Null when neither.
    /// </summary>
    private static int? KeyCell(LayoutRow row)
    {
        if (row.Cells.Count < 2) return null;
        var first = TextKey.Normalize(LayoutRow.CellText(row.Cells[0]));
        if (row.Cells.Count >= 3 && Key(row.Cells[1]) is not null && Keys.ContainsKey(first.Split(' ')[0])) return 1;
        return Key(row.Cells[0]) is not null ? 0 : null;
    }

    private static string? Key(CellBlock cell) => Keys.GetValueOrDefault(TextKey.Normalize(LayoutRow.CellText(cell)).TrimEnd(':', ' '));

    /// <summary>Takes a card row; false when the row is not one or this card already has that field (a new card starts).</summary>
    public bool Take(LayoutRow row)
    {
        if (KeyCell(row) is not { } at || Key(row.Cells[at]) is not { } key) return false;
        var value = TextKey.Clean(string.Join(' ', row.Cells.Skip(at + 1).Select(LayoutRow.CellText)));
        if (Has(key)) return false;
        First ??= row;
        switch (key)
        {
            case "code": Code = value; break;
            case "level": Level = ObjectiveHeadingParser.LevelFromWords(value); break;
            case "parent": ParentCode = ObjectiveHeadingParser.Parse(value)?.Code ?? (value.Length > 0 ? value : null); break;
            case "weight": Weight = ItalianNumber.Parse(value)?.Value; break;
            default:
                Level ??= key switch
                {
                    "strategic" => ObjectiveLevel.Strategic,
                    "operational" => ObjectiveLevel.Operational,
                    "area" => ObjectiveLevel.Area,
                    _ => null,
                };
                if (ObjectiveHeadingParser.Parse(value) is { Title.Length: > 0 } heading && (Code is null || ObjectiveCodes.Key(heading.Code) == ObjectiveCodes.Key(Code)))
                {
                    Code ??= heading.Code;
                    Level ??= heading.Level;
                    Title = heading.Title;
                }
                else Title = value;
                break;
        }
        return true;
    }

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Whether the card already holds the field of <paramref name="key"/> (marks it taken otherwise).</summary>
    private bool Has(string key) => !_taken.Add(key is "code" or "level" or "parent" or "weight" ? key : "title");
}
