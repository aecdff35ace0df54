using System.Text.RegularExpressions;
using Pipeline.Core.Text;

namespace Pipeline.Cli.Output;

/// <summary>
/// A parse error of System.CommandLine in words for people: its messages name .NET types
/// ("as expected type 'System.Nullable`1[System.Int32]'"), which say nothing to a user.
/// </summary>
public static partial class UsageErrorText
{
    /// <summary>"'abc' is not a valid value for --year: expected a whole number"; other messages with type names in words.</summary>
    public static string Of(string message)
    {
        var m = CannotParse().Match(message);
        return m.Success
            ? $"'{m.Groups["value"].Value}' is not a valid value for {m.Groups["option"].Value}: expected {TypeWords.Of(m.Groups["type"].Value)}"
            : TypeWords.InMessage(message);
    }

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?")]
    private static partial Regex CannotParse();
}
