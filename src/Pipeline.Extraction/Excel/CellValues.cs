using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Excel;

/// <summary>Turns workbook cells into the text a person sees and into typed values.</summary>
public static partial class CellValues
{
    /// <summary>True when the number format shows the value as a percentage (0.705 shown as 70,5%).</summary>
    public static bool IsPercentFormat(string? format)
    {
        if (string.IsNullOrEmpty(format)) return false;
        var unquoted = QuotedText().Replace(format, "");
        return unquoted.Contains('%');
    }

    /// <summary>The cell as it reads on screen, Italian style: "70,5%", "1.234,5", "30/10/2021", "SI".</summary>
    public static string Display(GridCell cell) => cell.Value switch
    {
        null => "",
        string s => s.Trim(),
        double d when IsPercentFormat(cell.Format) => FormatItalian(ToDecimal(d * 100)) + "%",
        double d => FormatItalian(ToDecimal(d)),
        DateTime dt => dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "SI" : "NO",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>A numeric reading of the cell: numbers (×100 when shown as percent) and numbers stored as text.</summary>
    public static ParsedNumber? Number(GridCell cell) => cell.Value switch
    {
        double d when IsPercentFormat(cell.Format) => new ParsedNumber(Display(cell), ToDecimal(d * 100), "%"),
        double d => new ParsedNumber(Display(cell), ToDecimal(d), null),
        string s => ItalianNumber.Parse(s),
        _ => null,
    };

    /// <summary>"1.234,5" from 1234.5; no trailing zeros; thousands with dots, decimals with a comma.</summary>
    public static string FormatItalian(decimal value)
    {
        var invariant = (value / 1.000000000000000000000000000000000m).ToString("#,##0.##########", CultureInfo.InvariantCulture);
        return invariant.Replace(",", "\u0001").Replace(".", ",").Replace("\u0001", ".");
    }

    /// <summary>Doubles from a workbook carry binary noise (0.705 → 0.70499999…); 15 significant digits are exact.</summary>
    public static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) / 1.000000000000000000000000000000000m;

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedText();
}
