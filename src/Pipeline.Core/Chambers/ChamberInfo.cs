namespace Pipeline.Core.Chambers;

/// <summary>
/// One Italian chamber of commerce (CCIAA).
/// </summary>
/// <param name="Code">
/// Province abbreviation (sigla), upper case. A merged chamber concatenates the codes of all its provinces:
/// Frosinone-Latina = <c>FRLT</c>, Chieti Pescara = <c>CHPE</c>, Milano Monza Brianza Lodi = <c>MIMBLO</c>.
/// </param>
/// <param name="Name">The name the chamber goes by, without the "Camera di commercio ... di" prefix.</param>
/// <param name="Region">The Italian region, in Italian (Lombardia, Puglia, Lazio, ...).</param>
/// <param name="Names">
/// Every name the chamber is known by: <paramref name="Name"/> first, then official and common variants and,
/// for a merged chamber, the names of its provinces/cities when those have no chamber of their own in the list.
/// </param>
public sealed record ChamberInfo(string Code, string Name, string Region, IReadOnlyList<string> Names)
{
    public override string ToString() => $"{Code} ({Name})";
}
