using System.Globalization;
using Pipeline.Core.Values;

namespace Pipeline.Samples.Pdf;

/// <summary>Values as Unioncamere's Integra prints them in its plan and report exports (shared by the Integra layouts).</summary>
public static class IntegraValues
{
    private static readonly NumberFormatInfo Italian = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3] };

    /// <summary>An Italian number: "1.800" or, with <paramref name="twoDecimals"/>, "1.800,00".</summary>
    public static string Number(decimal value, bool twoDecimals) =>
        value.ToString(twoDecimals ? "#,##0.00" : "#,##0.##", Italian);

    /// <summary>The operator symbol Integra prints before a numeric target.</summary>
    public static string Operator(TargetOperator op) => op switch
    {
        TargetOperator.GreaterOrEqual => ">=",
        TargetOperator.LessOrEqual => "<=",
        TargetOperator.Greater => ">",
        TargetOperator.Less => "<",
        _ => "=",
    };

    /// <summary>A date as dd/mm/yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
