namespace Pipeline.Core.Indicators;

/// <summary>Which way an indicator is better.</summary>
public enum IndicatorPolarity
{
    /// <summary>The higher the better (a target of the form <c>&gt;= 70%</c>).</summary>
    Higher,
    /// <summary>The lower the better (<c>&lt;= 50 €</c>).</summary>
    Lower,
}

/// <summary>The unit and polarity of a KPI, as far as its documents show them (null when they do not).</summary>
public sealed record IndicatorTraits(string? Unit, IndicatorPolarity? Polarity)
{
    /// <summary>The polarity a target's operator, as stored (<c>&gt;=</c>, <c>&lt;=</c>, …), implies; null for =, yes/no, dates and text.</summary>
    public static IndicatorPolarity? PolarityOf(string? targetOperator) => targetOperator?.Trim() switch
    {
        ">=" or ">" => IndicatorPolarity.Higher,
        "<=" or "<" => IndicatorPolarity.Lower,
        _ => null,
    };

    /// <summary>
    /// Whether two KPIs (or a KPI and an indicator) may be the same indicator: units that are both known must be the
    /// the same once normalised (<see cref="Values.UnitKey"/>: <c>gg</c> = <c>giorni</c>, <c>euro</c> = <c>€</c>…), polarities that are both known must be the same.
    /// </summary>
    public bool AgreesWith(IndicatorTraits other) => Disagreement(other) is null;

    /// <summary>Why the two cannot be the same indicator (unit or polarity), or null when they agree.</summary>
    public string? Disagreement(IndicatorTraits other)
    {
        var (a, b) = (UnitKey(Unit), UnitKey(other.Unit));
        if (a.Length > 0 && b.Length > 0 && a != b) return $"unit {Unit} ≠ {other.Unit}";
        if (Polarity is { } p && other.Polarity is { } q && p != q) return $"polarity {Name(p)} ≠ {Name(q)}";
        return null;
    }

    /// <summary>The configuration / database name of a polarity: higher | lower.</summary>
    public static string Name(IndicatorPolarity polarity) => polarity == IndicatorPolarity.Higher ? "higher" : "lower";

    /// <summary>The polarity a configuration / database name gives, or null for none.</summary>
    public static IndicatorPolarity? Parse(string? name) => name switch
    {
        "higher" => IndicatorPolarity.Higher,
        "lower" => IndicatorPolarity.Lower,
        _ => null,
    };

    // what the unit measures, whatever its spelling (gg = giorni, euro = €); see Values.UnitKey
    private static string UnitKey(string? unit) => Values.UnitKey.Of(unit);
}
