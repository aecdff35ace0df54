using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

/// <summary>.NET type names in the messages System.CommandLine and System.Text.Json write, said in words.</summary>
public sealed class TypeWordsTests
{
    [Theory]
    [InlineData("System.Nullable`1[System.Int32]", "a whole number")]
    [InlineData("System.Int64", "a whole number")]
    [InlineData("System.Nullable`1[System.Decimal]", "a number")]
    [InlineData("System.Double", "a number")]
    [InlineData("System.Boolean", "true or false")]
    [InlineData("System.Nullable`1[System.DateOnly]", "a date (YYYY-MM-DD)")]
    [InlineData("System.String", "a text")]
    public void A_type_in_words(string type, string words) => Assert.Equal(words, TypeWords.Of(type));

    [Theory]
    [InlineData("The JSON value could not be converted to System.Nullable`1[System.Int32]. Path: $.document.pages | LineNumber: 3 | BytePositionInLine: 19.",
                "The JSON value could not be converted to a whole number. Path: $.document.pages | LineNumber: 3 | BytePositionInLine: 19.")]
    [InlineData("The JSON value could not be converted to System.Collections.Generic.List`1[System.String]. Path: $.kpis[0].org_units",
                "The JSON value could not be converted to a list. Path: $.kpis[0].org_units")]
    [InlineData("Required argument missing for command: 'trace'.", "Required argument missing for command: 'trace'.")]
    [InlineData("see System.Int32Extras and MySystem.Int32", "see System.Int32Extras and MySystem.Int32")]
    public void Type_names_in_a_message_in_words(string message, string said) => Assert.Equal(said, TypeWords.InMessage(message));
}
