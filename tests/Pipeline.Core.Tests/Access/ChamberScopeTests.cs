using Pipeline.Core.Access;

namespace Pipeline.Core.Tests.Access;

/// <summary>Who sees which chamber in the web app: the scope every query receives.</summary>
public sealed class ChamberScopeTests
{
    [Theory]
    [InlineData("admin", "", "CBIS", true)]
    [InlineData("admin", "", "FG", true)]
    [InlineData("region", "", "FRLT", true)]
    [InlineData("region", "FG", "CBIS", true)]       // a region user sees every chamber, whatever chambers are listed
    [InlineData("chamber", "CBIS", "CBIS", true)]
    [InlineData("chamber", "CBIS", "cbis", true)]    // codes compare case-insensitively
    [InlineData("chamber", "cbis", "CBIS", true)]
    [InlineData("chamber", "CBIS", "FG", false)]
    [InlineData("chamber", "CBIS|FG", "FG", true)]
    [InlineData("chamber", "CBIS|FG", "LE", false)]
    [InlineData("chamber", "", "CBIS", false)]       // a chamber user without a chamber sees nothing
    [InlineData("chamber", "CBIS", "", false)]
    [InlineData("chamber", "CBIS", null, false)]     // a row of no chamber (a region-wide run) is not a chamber user's
    [InlineData("admin", "", null, true)]
    public void A_scope_allows_what_the_role_and_chambers_say(string role, string chambers, string? asked, bool allowed)
    {
        Assert.True(WebRoles.TryParse(role, out var parsed));
        var scope = ChamberScope.For(parsed, chambers.Split('|', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(allowed, scope.Allows(asked));
        if (allowed) scope.Require(asked);
        else Assert.Equal(asked, Assert.Throws<OutOfScopeException>(() => scope.Require(asked)).ChamberCode);
    }

    [Theory]
    [InlineData("admin", WebRole.Admin)]
    [InlineData(" Region ", WebRole.Region)]
    [InlineData("CHAMBER", WebRole.Chamber)]
    public void Roles_are_read_case_insensitively(string text, WebRole role)
    {
        Assert.True(WebRoles.TryParse(text, out var parsed));
        Assert.Equal(role, parsed);
        Assert.Equal(text.Trim().ToLowerInvariant(), parsed.Name());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("root")]
    [InlineData("administrator")]
    public void Anything_else_is_no_role(string? text) => Assert.False(WebRoles.TryParse(text, out _));

    [Fact]
    public void Filter_keeps_the_rows_of_the_chambers_in_scope()
    {
        var rows = new[] { ("CBIS", 1), ("FG", 2), ("cbis", 3), ((string?)null, 4) };
        Assert.Equal([1, 3], ChamberScope.Only(["CBIS"]).Filter(rows, r => r.Item1).Select(r => r.Item2));
        Assert.Equal([1, 2, 3, 4], ChamberScope.All.Filter(rows, r => r.Item1).Select(r => r.Item2));
    }
}
