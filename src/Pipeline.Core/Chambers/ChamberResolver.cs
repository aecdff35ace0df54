using Pipeline.Core.Text;

namespace Pipeline.Core.Chambers;

/// <summary>
/// Resolves a chamber of commerce from a code or name (the <c>--chamber</c> option) or from the free text of a
/// document ("Camera di Commercio di Foggia", "CCIAA di Lecce", "C.C.I.A.A. di Brindisi", ...), against
/// <see cref="ItalianChambers.All"/>.
/// </summary>
public static class ChamberResolver
{
    private static readonly ChamberIndex Default = new(ItalianChambers.All);

    /// <summary>
    /// The chamber with this code (case-insensitive: <c>FG</c>, <c>frlt</c>) or name (accents, case and
    /// punctuation ignored: <c>Foggia</c>, <c>frosinone-latina</c>, <c>Forli Cesena</c>); also accepts a full
    /// naming such as "Camera di Commercio di Foggia". Null when unknown, empty or ambiguous ("Reggio").
    /// </summary>
    public static ChamberInfo? Lookup(string codeOrName) => Default.Lookup(codeOrName);

    /// <summary>
    /// As <see cref="Lookup"/>, and also a province's two-letter code that is one part of exactly one merged chamber's
    /// code (<c>CB</c> and <c>IS</c> → <c>CBIS</c>, <c>LT</c> → <c>FRLT</c>): registry exports name the province
    /// (Camera or Provincia columns), which after a merger is no chamber by itself. Null when unknown or when the
    /// province is part of two merged codes.
    /// </summary>
    public static ChamberInfo? LookupWithProvince(string codeNameOrProvince)
    {
        if (Lookup(codeNameOrProvince) is { } direct) return direct;
        var code = codeNameOrProvince.Trim().ToUpperInvariant();
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)) return null;
        var merged = ItalianChambers.All.Where(c => c.Code.Length > 2 && c.Code.Length % 2 == 0
            && Enumerable.Range(0, c.Code.Length / 2).Any(i => c.Code.Substring(i * 2, 2) == code)).ToList();
        return merged.Count == 1 ? merged[0] : null;
    }

    /// <summary>
    /// The chamber a document names: only names that follow a chamber phrase ("camera di commercio
    /// [industria artigianato e agricoltura] di/del/della/dell'", "CCIAA di", "C.C.I.A.A. di") or that name a
    /// chamber by themselves ("Chambre valdôtaine") count; a city merely mentioned in running text does not.
    /// The longest name wins at each mention ("Reggio Emilia" over "Reggio", "Venezia Giulia" over "Venezia").
    /// Over the whole text, the chamber named most often wins; null when nothing is named or when the top
    /// chambers are named equally often (ambiguous).
    /// </summary>
    public static ChamberInfo? FindInText(string text) => Default.FindInText(text);

    /// <summary>Lower case, accents removed, punctuation and symbols to spaces, white space collapsed.</summary>
    public static string Normalize(string text) => TextKey.Normalize(text);
}
