namespace Pipeline.Web;

/// <summary>The Italian words the pages use for the warehouse's codes (versions, review decisions, run and alert states).</summary>
public static class Labels
{
    public static string Version(string version) => version switch
    {
        "current" => "corrente",
        "superseded" => "sostituita",
        "held" => "sospesa per revisione",
        "rejected" => "respinta",
        _ => version,
    };

    public static string Review(string status) => status switch
    {
        "held" => "sospesa",
        "accepted" => "accettata",
        "rejected" => "respinta",
        _ => status,
    };

    public static string ValueKind(string kind) => kind == "target" ? "target" : "consuntivo";

    public static string AlertStatus(string status) => status switch
    {
        "open" => "aperto",
        "escalated" => "scalato",
        "resolved" => "risolto",
        _ => status,
    };

    /// <summary>An <c>etl_run</c> status.</summary>
    public static string RunStatus(string status) => status switch
    {
        "running" => "in corso",
        "succeeded" => "riuscita",
        "partial" => "parziale",
        "failed" => "fallita",
        "interrupted" => "interrotta",
        _ => status,
    };

    /// <summary>An alert's severity.</summary>
    public static string Severity(string severity) => severity switch
    {
        "info" => "informazione",
        "warning" => "avviso",
        "critical" => "critico",
        _ => severity,
    };

    /// <summary>A KPI's achievement status in a period.</summary>
    public static string AchievementStatus(string status) => status switch
    {
        "measured" => "misurato",
        "missing" => "consuntivo mancante",
        "not_measurable" => "non misurabile",
        _ => status,
    };
}
