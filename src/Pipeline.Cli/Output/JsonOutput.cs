using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Cli.Output;

/// <summary>JSON on stdout for <c>--json</c>: indented, snake_case, accents written as they are.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
