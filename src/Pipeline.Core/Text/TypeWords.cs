using System.Text.RegularExpressions;

namespace Pipeline.Core.Text;

/// <summary>
/// .NET type names in library messages (System.CommandLine, System.Text.Json) said in words for people:
/// "System.Nullable`1[System.Int32]" is "a whole number".
/// </summary>
public static partial class TypeWords
{
    /// <summary>What a value of the type is, in words: "a whole number", "a number", "a date (YYYY-MM-DD)", …</summary>
    public static string Of(string type) => Unwrap(type.Trim()) switch
    {
        "System.Int16" or "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" or "System.UInt64" or "System.Byte" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.DateOnly" or "System.DateTime" or "System.DateTimeOffset" => "a date (YYYY-MM-DD)",
        "System.TimeSpan" => "a duration (hh:mm:ss)",
        "System.String" => "a text",
        var other when other.StartsWith("System.Collections", StringComparison.Ordinal) || other.EndsWith("[]", StringComparison.Ordinal) => "a list",
        var other => "a " + other[(other.LastIndexOfAny(['.', '+']) + 1)..].TrimEnd(']'),
    };

    /// <summary>The message with every .NET type name in it replaced by <see cref="Of"/>.</summary>
    public static string InMessage(string message) => TypeName().Replace(message, m => Of(m.Value));

    private static string Unwrap(string type) => NullableOf().Match(type) is { Success: true } n ? n.Groups["inner"].Value : type;

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>[\w.]+)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"System\.Nullable`1\[[\w.]+\]|System\.Collections\.Generic\.\w+`\d\[[\w.\[\], ]+?\]+|(?<![\w.])(?:System\.)(?:Int16|Int32|Int64|UInt16|UInt32|UInt64|Byte|Double|Single|Decimal|Boolean|DateOnly|DateTime|DateTimeOffset|TimeSpan|String)\b")]
    private static partial Regex TypeName();
}
