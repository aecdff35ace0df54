namespace Pipeline.Core.Values;

/// <summary>How an actual is compared with a target.</summary>
public enum TargetOperator
{
    GreaterOrEqual,
    LessOrEqual,
    Equal,
    Greater,
    Less,
    /// <summary>Yes/no target (SI, Sì, NO).</summary>
    Bool,
    /// <summary>Deadline: done by a date (Entro 30/10/2021, &lt;= 31/12/2018).</summary>
    Date,
    /// <summary>Free text that states no measurable target.</summary>
    Text,
}

public static class TargetOperators
{
    /// <summary>The symbol used in the extraction contract: &gt;=, &lt;=, =, &gt;, &lt;, bool, date, text.</summary>
    public static string ToSymbol(this TargetOperator op) => op switch
    {
        TargetOperator.GreaterOrEqual => ">=",
        TargetOperator.LessOrEqual => "<=",
        TargetOperator.Equal => "=",
        TargetOperator.Greater => ">",
        TargetOperator.Less => "<",
        TargetOperator.Bool => "bool",
        TargetOperator.Date => "date",
        TargetOperator.Text => "text",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static TargetOperator FromSymbol(string symbol) => symbol.Trim() switch
    {
        ">=" or "≥" => TargetOperator.GreaterOrEqual,
        "<=" or "≤" => TargetOperator.LessOrEqual,
        "=" => TargetOperator.Equal,
        ">" => TargetOperator.Greater,
        "<" => TargetOperator.Less,
        "bool" => TargetOperator.Bool,
        "date" => TargetOperator.Date,
        "text" => TargetOperator.Text,
        _ => throw new FormatException($"unknown target operator '{symbol}'"),
    };
}
