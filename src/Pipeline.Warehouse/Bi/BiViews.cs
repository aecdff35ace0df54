using Pipeline.Warehouse.Dialects;

namespace Pipeline.Warehouse.Bi;

/// <summary>One view of the Power BI model (migrations 0017, 0019): its name, and whether its rows belong to one chamber (a <c>CameraKey</c> column).</summary>
public sealed record BiView(string Name, bool PerChamber)
{
    /// <summary>The view as the dialect names it: <c>bi.valori</c> in PostgreSQL's bi schema (<see cref="PostgresDialect.BiSchema"/>), <c>bi_valori</c> on SQLite.</summary>
    public string QualifiedName(SqlDialect dialect) => dialect is PostgresDialect postgres ? $"{postgres.BiSchema}.{Name}" : $"bi_{Name}";
}

/// <summary>The views of the Power BI model, dimensions first (docs/powerbi.md).</summary>
public static class BiViews
{
    public static readonly IReadOnlyList<BiView> All =
    [
        new("camera", PerChamber: true),
        new("obiettivo", PerChamber: true),
        new("indicatore", PerChamber: true),
        new("indicatore_standard", PerChamber: false),
        new("periodo", PerChamber: false),
        new("calendario", PerChamber: false),
        new("valori", PerChamber: true),
        new("raggiungimento_obiettivi", PerChamber: true),
        new("confronto", PerChamber: true),
    ];
}
