using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Configuration;

/// <summary>A value a configuration file may not take, in plain words; <see cref="ConfigFile"/> adds file, setting and line.</summary>
/// <param name="Item">The item of the setting it is about, below the setting the exception's path names (<c>sources.pdfs</c>).</param>
public sealed class ConfigValueException(string message, string? item = null) : JsonException(message)
{
    public string? Item { get; } = item;
}

/// <summary>
/// A setting that is a text, a number or a boolean, kept as text (<c>"days": 5</c> and <c>"days": "5"</c> both
/// give "5"): metric parameters, which the metric itself parses.
/// </summary>
[JsonConverter(typeof(ConfigTextConverter))]
public readonly record struct ConfigText(string Value)
{
    public override string ToString() => Value;
}

internal sealed class ConfigTextConverter : JsonConverter<ConfigText>
{
    public override bool HandleNull => true;

    public override ConfigText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new ConfigText(reader.GetString()!),
        JsonTokenType.Number => new ConfigText(Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())),
        JsonTokenType.True => new ConfigText("true"),
        JsonTokenType.False => new ConfigText("false"),
        _ => throw new ConfigValueException($"expected a text, number or true/false, found {Token(reader.TokenType)}"),
    };

    public override void Write(Utf8JsonWriter writer, ConfigText value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    internal static string Token(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        _ => "a text",
    };
}

/// <summary>
/// Enums of configuration files by their snake_case names (<c>own_kpis</c> for <c>OwnKpis</c>), whatever the case,
/// underscores and surrounding blanks; numbers are refused. An unknown name lists the known ones.
/// </summary>
public sealed class ConfigEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The names an enum is written with, as a message lists them ("nightly, alerts, digest").</summary>
    public static string Codes(Type type) => string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));

    private static string Key(string text) => text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant();

    private sealed class EnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byKey = Enum.GetValues<T>().ToDictionary(v => Key(v.ToString()), v => v);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new ConfigValueException($"expected one of {Codes(typeof(T))}, found {ConfigTextConverter.Token(reader.TokenType)}");
            var text = reader.GetString()!;
            return _byKey.TryGetValue(Key(text), out var value) ? value : throw new ConfigValueException($"'{text}' is not one of {Codes(typeof(T))}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));
    }
}
