using System.Globalization;
using Pipeline.Core.Bi;

namespace Pipeline.Core.Tests.Bi;

/// <summary>The role names <c>pipeline bi grant</c> accepts, and how BI values are written as text in the CSV export.</summary>
public sealed class BiTextTests
{
    [Theory]
    [InlineData("powerbi_foggia", null)]
    [InlineData("bi_fg2", null)]
    [InlineData("_reader", null)]
    [InlineData("", "empty")]
    [InlineData("  ", "empty")]
    [InlineData("PowerBI", "not a plain role name")]           // quoted upper case would differ from what users type
    [InlineData("2reader", "not a plain role name")]
    [InlineData("reader-fg", "not a plain role name")]
    [InlineData("x; DROP TABLE dim_kpi", "not a plain role name")]
    [InlineData("pg_monitor", "pg_")]
    [InlineData("postgres", "built-in")]
    [InlineData("public", "built-in")]
    public void Role_names_are_plain_identifiers(string name, string? problem)
    {
        var found = BiRoleName.Problem(name);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void A_role_name_of_64_characters_is_too_long() =>
        Assert.NotNull(BiRoleName.Problem(new string('a', 64)));

    public static TheoryData<object?, string> Values => new()
    {
        { null, "" },
        { DBNull.Value, "" },
        { "Raggiungimento, 100%", "Raggiungimento, 100%" },
        { 1942L, "1942" },
        { 1234.5m, "1234.5" },
        { 86.670m, "86.67" },
        { 0m, "0" },
        { 60.333333333333336, "60.333333333333336" },
        { new DateTime(2021, 12, 31), "2021-12-31" },
        { new DateTime(2021, 12, 31, 7, 5, 0), "2021-12-31T07:05:00" },
        { new DateOnly(2021, 6, 30), "2021-06-30" },
        { true, "true" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_are_written_culture_invariant(object? value, string text)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("it-IT");
        try
        {
            Assert.Equal(text, BiValueText.Format(value));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
