using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Core.Configuration;

/// <summary>
/// A <see cref="JsonException"/> of <see cref="ConfigFile"/> in plain words: the setting from the exception's JSON
/// path, what the setting's typed record expects there and what the file has instead, or the syntax error, with the
/// line ("practices.protocol: expected a list of texts, found 5 (line 3)").
/// </summary>
internal static class ConfigJsonError
{
    private static readonly JsonDocumentOptions Syntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string Describe(JsonException ex, string json, Type root, JsonSerializerOptions options)
    {
        var path = JsonPath.Parse(ex.Path);
        var setting = JsonPath.Text(path);
        var prefix = setting.Length == 0 ? "" : setting + ": ";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Syntax);
        }
        catch (JsonException syntax)
        {
            return $"{prefix}not valid JSON: {Sentence(syntax.Message)}{Line(syntax)}";
        }
        using (document)
        {
            if (ex is ConfigValueException { Item: { } item })
                return $"{(setting.Length == 0 ? item : $"{setting}.{item}")}: {ex.Message}{Line(ex)}";
            if (ex is ConfigValueException)
                return $"{prefix}{ex.Message}{Line(ex)}";
            if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
            {
                var parent = TypeAt(root, path.Take(path.Count - 1), options);
                var known = parent is null ? "" : string.Join(", ", options.GetTypeInfo(parent).Properties
                    .Where(p => p.Set is not null).Select(p => p.Name).Where(n => !ConfigFile.CommentKeys.Contains(n)));
                return $"{prefix}unknown setting{(known.Length > 0 ? $" (known: {known})" : "")}{Line(ex)}";
            }
            var expected = TypeAt(root, path, options) is { } type ? Expected(type, options) : "another value";
            var found = ValueAt(document.RootElement, path) is { } value ? Found(value) : "something else";
            return $"{prefix}expected {expected}, found {found}{Line(ex)}";
        }
    }

    /// <summary>The type the records declare at a JSON path, or null when the path leaves them.</summary>
    private static Type? TypeAt(Type root, IEnumerable<object> path, JsonSerializerOptions options)
    {
        Type? type = root;
        foreach (var segment in path)
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = (segment, info.Kind) switch
            {
                (string name, JsonTypeInfoKind.Object) => info.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType,
                (string, JsonTypeInfoKind.Dictionary) or (int, JsonTypeInfoKind.Enumerable) => info.ElementType,
                _ => null,
            };
            if (type is null) return null;
        }
        return type;
    }

    private static JsonElement? ValueAt(JsonElement element, IEnumerable<object> path)
    {
        foreach (var segment in path)
        {
            if (segment is string name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child)) element = child;
            else if (segment is int index && element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength()) element = element[index];
            else return null;
        }
        return element;
    }

    /// <summary>What a setting of this type takes, in words.</summary>
    internal static string Expected(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a text";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double) || type == typeof(decimal)) return "a number";
        if (type == typeof(ConfigText)) return "a text, number or true/false";
        if (type.IsEnum) return "one of " + ConfigEnumConverterFactory.Codes(type);
        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a list of " + Plural(Expected(info.ElementType!, options)),
            _ => "an object",
        };
    }

    private static string Plural(string one) => one switch
    {
        "a text" => "texts",
        "a whole number" => "whole numbers",
        "a number" => "numbers",
        "an object" => "objects",
        _ when one.StartsWith("a list", StringComparison.Ordinal) => "lists",
        _ => "values",
    };

    internal static string Found(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{Shorten(value.GetString()!)}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => value.GetRawText(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>The reader's message without the position it appends (" LineNumber: 0 | BytePositionInLine: 5.").</summary>
    private static string Sentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal) is >= 0 and var p ? p : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        // the reader may quote the rest of the file ("'nightly\", \"cron\": …' is an invalid JSON literal"): one short line
        var line = System.Text.RegularExpressions.Regex.Replace(cut >= 0 ? message[..cut] : message, @"\s+", " ").Trim();
        return line.Length <= 160 ? line : line[..157] + "…";
    }

    private static string Line(JsonException ex) => ex.LineNumber is { } line ? $" (line {line + 1})" : "";
}

/// <summary>A JSON path as System.Text.Json writes it (<c>$.bindings[2]['odd key']</c>): names and indexes.</summary>
internal static class JsonPath
{
    private static readonly System.Text.RegularExpressions.Regex Segment = new(@"\.(?<name>[^.\[]+)|\['(?<name>[^']*)'\]|\[(?<index>\d+)\]");

    public static List<object> Parse(string? path) =>
        Segment.Matches(path ?? "").Select(m => m.Groups["index"].Success ? (object)int.Parse(m.Groups["index"].Value) : m.Groups["name"].Value).ToList();

    /// <summary>The path as settings are named in messages: <c>bindings[2].periods</c>.</summary>
    public static string Text(IEnumerable<object> segments)
    {
        var text = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (segment is int index) text.Append('[').Append(index).Append(']');
            else text.Append(text.Length == 0 ? "" : ".").Append(segment);
        }
        return text.ToString();
    }
}
