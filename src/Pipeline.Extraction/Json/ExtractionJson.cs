using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Extraction;
using Pipeline.Core.Values;

namespace Pipeline.Extraction.Json;

/// <summary>The JSON form of <see cref="ExtractedDocument"/>: contract <c>pipeline.extraction/1</c>.</summary>
public static class ExtractionJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(ExtractedDocument document) => JsonSerializer.Serialize(document, Options);

    public static ExtractedDocument Deserialize(string json)
    {
        var document = JsonSerializer.Deserialize<ExtractedDocument>(json, Options)
            ?? throw new JsonException("the JSON is null");
        if (document.Schema != ExtractedDocument.SchemaId)
            throw new JsonException($"schema is '{document.Schema}', expected '{ExtractedDocument.SchemaId}'");
        return document;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = false,
        };
        options.Converters.Add(new DecimalConverter());
        options.Converters.Add(new SourceRefConverter());
        options.Converters.Add(new TargetConverter());
        options.Converters.Add(new ActualConverter());
        return options;
    }

    /// <summary>Writes decimals without trailing zeros (13.00 → 13).</summary>
    private sealed class DecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.000000000000000000000000000000000m);
    }

    private sealed class SourceRefConverter : JsonConverter<SourceRef>
    {
        public override SourceRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var e = doc.RootElement;
            if (e.ValueKind == JsonValueKind.Null) return null;
            return new SourceRef
            {
                Page = Int(e, "page"),
                Bbox = e.TryGetProperty("bbox", out var b) && b.ValueKind == JsonValueKind.Array ? b.EnumerateArray().Select(x => x.GetDouble()).ToList() : null,
                Sheet = Str(e, "sheet"),
                Cell = Str(e, "cell"),
                Row = Long(e, "row"),
                RowTo = Long(e, "row_to"),
            };
        }

        public override void Write(Utf8JsonWriter writer, SourceRef value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            if (value.Page is { } page) writer.WriteNumber("page", page);
            if (value.Bbox is { } bbox)
            {
                writer.WriteStartArray("bbox");
                foreach (var v in bbox) writer.WriteNumberValue(Math.Round(v, 2));
                writer.WriteEndArray();
            }
            if (value.Sheet is not null) writer.WriteString("sheet", value.Sheet);
            if (value.Cell is not null) writer.WriteString("cell", value.Cell);
            if (value.Row is { } row) writer.WriteNumber("row", row);
            if (value.RowTo is { } rowTo) writer.WriteNumber("row_to", rowTo);
            writer.WriteEndObject();
        }
    }

    /// <summary>{ "period", "raw", "operator", "value", "unit"?, "source"? } — value typed by the operator.</summary>
    private sealed class TargetConverter : JsonConverter<ExtractedTarget>
    {
        public override ExtractedTarget Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var e = doc.RootElement;
            var period = Str(e, "period") ?? "";
            var raw = Str(e, "raw") ?? "";
            var symbol = Str(e, "operator") ?? throw new JsonException($"target '{raw}' has no operator");
            var op = TargetOperators.FromSymbol(symbol);
            e.TryGetProperty("value", out var v);
            var unit = Str(e, "unit");
            var value = op switch
            {
                TargetOperator.Bool => TargetValue.YesNo(period, v.ValueKind == JsonValueKind.True, raw),
                TargetOperator.Date => TargetValue.Deadline(period, DateOnly.ParseExact(v.GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture), raw),
                TargetOperator.Text => TargetValue.FreeText(period, raw),
                _ => new TargetValue(period, op, raw, Number: v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null, Unit: unit),
            };
            var weight = e.TryGetProperty("weight", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetDecimal() : (decimal?)null;
            return new ExtractedTarget(period, value, ReadSource(e, options)) { Weight = weight };
        }

        public override void Write(Utf8JsonWriter writer, ExtractedTarget target, JsonSerializerOptions options)
        {
            var value = target.Value;
            writer.WriteStartObject();
            writer.WriteString("period", target.Period);
            writer.WriteString("raw", value.Raw);
            writer.WriteString("operator", value.Operator.ToSymbol());
            writer.WritePropertyName("value");
            switch (value.Operator)
            {
                case TargetOperator.Bool: writer.WriteBooleanValue(value.Flag ?? false); break;
                case TargetOperator.Date: writer.WriteStringValue(value.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case TargetOperator.Text: writer.WriteNullValue(); break;
                default:
                    if (value.Number is { } n) JsonSerializer.Serialize(writer, n, options); else writer.WriteNullValue();
                    break;
            }
            if (value.Unit is not null) writer.WriteString("unit", value.Unit);
            if (target.Weight is { } weight)
            {
                writer.WritePropertyName("weight");
                JsonSerializer.Serialize(writer, weight, options);
            }
            WriteSource(writer, target.Source, options);
            writer.WriteEndObject();
        }
    }

    /// <summary>{ "period", "raw", "value", "source"? } — value a number, an ISO date, true/false, or null for text.</summary>
    private sealed class ActualConverter : JsonConverter<ExtractedActual>
    {
        public override ExtractedActual Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var e = doc.RootElement;
            var period = Str(e, "period") ?? "";
            var raw = Str(e, "raw") ?? "";
            e.TryGetProperty("value", out var v);
            var source = ReadSource(e, options);
            return v.ValueKind switch
            {
                JsonValueKind.Number => new ExtractedActual(period, raw, v.GetDecimal(), source),
                JsonValueKind.True or JsonValueKind.False => new ExtractedActual(period, raw, null, source) { Flag = v.GetBoolean() },
                JsonValueKind.String when DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    => new ExtractedActual(period, raw, null, source) { Date = d },
                _ => new ExtractedActual(period, raw, null, source),
            };
        }

        public override void Write(Utf8JsonWriter writer, ExtractedActual actual, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("period", actual.Period);
            writer.WriteString("raw", actual.Raw);
            writer.WritePropertyName("value");
            if (actual.Value is { } n) JsonSerializer.Serialize(writer, n, options);
            else if (actual.Date is { } d) writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            else if (actual.Flag is { } f) writer.WriteBooleanValue(f);
            else writer.WriteNullValue();
            WriteSource(writer, actual.Source, options);
            writer.WriteEndObject();
        }
    }

    private static SourceRef? ReadSource(JsonElement e, JsonSerializerOptions options) =>
        e.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s.Deserialize<SourceRef>(options) : null;

    private static void WriteSource(Utf8JsonWriter writer, SourceRef? source, JsonSerializerOptions options)
    {
        if (source is null) return;
        writer.WritePropertyName("source");
        JsonSerializer.Serialize(writer, source, options);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
}
