using Pipeline.Core.Configuration;

namespace Pipeline.Core.Tests.Configuration;

/// <summary>
/// The one configuration reader: typed records from JSON with comments, and every mistake as one line naming the
/// file, the setting, what the setting takes and what the file has, and the line.
/// </summary>
public sealed class ConfigFileTests
{
    public enum Colour { Red, DarkBlue }

    public sealed record Sample(
        string? Name, int? Count, double? Ratio, bool? Enabled, Colour? Colour, List<string>? Tags,
        Dictionary<string, Nested>? Parts, Dictionary<string, ConfigText>? Params, List<Nested>? Items);

    public sealed record Nested(int? Size, string? Label, Dictionary<string, List<string>>? Labels, List<string?>? Loose);

    public static TheoryData<string, string> Mistakes => new()
    {
        { """{ "name": 5 }""", "f.json: name: expected a text, found 5 (line 1)" },
        { """{ "count": "5" }""", "f.json: count: expected a whole number, found '5' (line 1)" },
        { """{ "count": 5.5 }""", "f.json: count: expected a whole number, found 5.5 (line 1)" },
        { """{ "ratio": [1] }""", "f.json: ratio: expected a number, found a list (line 1)" },
        { """{ "enabled": "yes" }""", "f.json: enabled: expected true or false, found 'yes' (line 1)" },
        { """{ "colour": "green" }""", "f.json: colour: 'green' is not one of red, dark_blue (line 1)" },
        { """{ "colour": 1 }""", "f.json: colour: expected one of red, dark_blue, found a number (line 1)" },
        { """{ "tags": "a" }""", "f.json: tags: expected a list of texts, found 'a' (line 1)" },
        { """{ "tags": ["a", {}] }""", "f.json: tags[1]: expected a text, found an object (line 1)" },
        { """{ "parts": { "p": { "size": "big" } } }""", "f.json: parts.p.size: expected a whole number, found 'big' (line 1)" },
        { """{ "parts": { "odd key": { "sise": 1 } } }""", "f.json: parts.odd key.sise: unknown setting (known: size, label, labels, loose) (line 1)" },
        { """{ "params": { "days": null } }""", "f.json: params.days: expected a text, number or true/false, found null (line 1)" },
        { "{\n  \"items\": [\n    { \"size\": 1 },\n    { \"size\": true }\n  ]\n}", "f.json: items[1].size: expected a whole number, found true (line 4)" },
        { """{ "nmae": "x" }""", "f.json: nmae: unknown setting (known: name, count, ratio, enabled, colour, tags, parts, params, items) (line 1)" },
        { """{ "tags": ["a", null] }""", "f.json: tags[1]: expected a text, found null (line 1)" },
        { """{ "parts": { "p": null } }""", "f.json: parts.p: expected an object, found null (line 1)" },
        { """{ "items": [ { "size": 1 }, null ] }""", "f.json: items[1]: expected an object, found null (line 1)" },
        { """{ "items": [ { "size": 1, "labels": { "x": ["a", null] } } ] }""", "f.json: items[0].labels.x[1]: expected a text, found null (line 1)" },
        { """{ "colour": "dark\nred" }""", "f.json: colour: 'dark red' is not one of red, dark_blue (line 1)" },
        { """[1, 2]""", "f.json: expected an object, found a list (line 1)" },
        { "null", "f.json: expected an object, found null" },
        { "", "f.json: not valid JSON: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true. (line 1)" },
        { "{\n  \"name\": \"x\"\n  \"count\": 1\n}", "f.json: not valid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'. (line 3)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_one_line_naming_file_setting_and_what_is_wrong(string json, string message)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigFile.Parse<Sample>(json, "f.json"));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Snake_case_names_comments_trailing_commas_comment_keys_and_loose_scalars_are_read()
    {
        var sample = ConfigFile.Parse<Sample>(
            """
            {
              // a comment
              "//": "a comment key", "$comment": ["anything"], "//": "another comment key",
              "name": "n", "count": 3, "ratio": 0.5, "enabled": true, "colour": " Dark_Blue ",
              "tags": ["a", "b",],
              "parts": { "p": { "//": "here too", "size": 2 } },
              "params": { "days": 5, "net": true, "kind": "working", "share": 0.25 },
            }
            """, "f.json");
        Assert.Equal(("n", 3, 0.5, true, Colour.DarkBlue), (sample.Name, sample.Count, sample.Ratio, sample.Enabled, sample.Colour));
        Assert.Equal(["a", "b"], sample.Tags!);
        Assert.Equal((2, null), (sample.Parts!["p"].Size, sample.Parts["p"].Label));
        Assert.Equal(["5", "true", "working", "0.25"], sample.Params!.Values.Select(v => v.Value));
    }

    [Fact]
    public void A_comment_key_may_come_back_in_the_same_object()
    {
        var sample = ConfigFile.Parse<Sample>("""{ "//": "one", "name": "n", "//": "two", "$comment": 1, "$comment": 2 }""", "f.json");
        Assert.Equal("n", sample.Name);
    }

    [Fact]
    public void Items_declared_nullable_may_be_null()
    {
        var sample = ConfigFile.Parse<Sample>("""{ "items": [ { "loose": ["a", null] } ] }""", "f.json");
        Assert.Equal(["a", null], sample.Items![0].Loose!);
    }

    [Fact]
    public void Names_are_exact_in_case()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigFile.Parse<Sample>("""{ "Name": "x" }""", "f.json"));
        Assert.StartsWith("f.json: Name: unknown setting", ex.Message);
    }

    public static TheoryData<string, string> Checks => new()
    {
        { "required", "f.json: retry.delay: required (a number of seconds)" },
        { "range", "f.json: retry.delay: must be from 1 to 60 seconds (not 0)" },
        { "chamber", "f.json: chambers[2]: unknown chamber 'Atlantide'" },
        { "zone", "f.json: timezone: time zone 'Mars/Olympus' is not known on this machine" },
        { "parsed", "f.json: patron: '1-5' is not a day of the year as MM-DD (e.g. 06-24)" },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void The_shared_checks_name_the_setting(string check, string message)
    {
        var root = ConfigSetting.Root("f.json");
        Action act = check switch
        {
            "required" => () => root["retry"]["delay"].Required(" ", "a number of seconds"),
            "range" => () => root["retry"]["delay"].InRange(0, 1, 60, "seconds"),
            "chamber" => () => root["chambers"][2].Chamber("Atlantide"),
            "zone" => () => root["timezone"].TimeZone("Mars/Olympus"),
            _ => () => root["patron"].Parsed(() => Pipeline.Core.Feeds.MonthDay.Parse("1-5")),
        };
        Assert.Equal(message, Assert.Throws<ConfigException>(act).Message);
    }

    [Fact]
    public void The_shared_checks_return_what_is_valid()
    {
        var root = ConfigSetting.Root("f.json");
        Assert.Equal("FG", root["chamber"].Chamber("Foggia").Code);
        Assert.Equal("Europe/Rome", root["timezone"].TimeZone("Europe/Rome").Id);
        Assert.Equal(5, root["n"].InRange(5, 1, 5));
        Assert.Equal("x", root["s"].Required("x"));
    }
}
