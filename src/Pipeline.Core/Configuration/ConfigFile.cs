using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Core.Configuration;

/// <summary>
/// The one reader of configuration files: System.Text.Json into the typed records of a file (each declared next to
/// the code that uses it), then the file's own validation through <see cref="ConfigSetting"/>. Every file is read
/// alike: snake_case names (a record may rename one with <c>[JsonPropertyName]</c>), exact case, <c>//</c> comments
/// and trailing commas allowed, <c>"//"</c> and <c>"$comment"</c> keys in any object of a record type (not in a map
/// whose keys are data) taken as comments, and any
/// other unknown key refused (a misspelt setting would otherwise be ignored quietly). Whatever is wrong becomes one
/// <see cref="ConfigException"/>: the file, the setting's path, what is wrong in plain words and the line.
/// </summary>
public static class ConfigFile
{
    /// <summary>The keys every object of a configuration file may hold as comments.</summary>
    public static IReadOnlyList<string> CommentKeys { get; } = ["//", "$comment"];

    /// <summary>The serializer options of every configuration file.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads <paramref name="json"/>, the text of <paramref name="origin"/> (the file's path as given), into <typeparamref name="T"/>.</summary>
    /// <exception cref="ConfigException">The text is not JSON, or a value does not fit its setting; names file, setting and line.</exception>
    public static T Parse<T>(string json, string origin) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new ConfigException($"{origin}: expected an object, found null");
        }
        catch (JsonException ex)
        {
            throw new ConfigException(ConfigSetting.OneLine($"{origin}: {ConfigJsonError.Describe(ex, json, typeof(T), Options)}"), ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AcceptCommentKeys, RefuseNullItems } },
            Converters = { new ConfigEnumConverterFactory() },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// A list or map whose items the record declares non-nullable (<c>List&lt;string&gt;</c>, not <c>List&lt;string?&gt;</c>),
    /// at any depth, refuses a null item, naming it (<c>sources.pdfs: expected a list of texts, found null</c>);
    /// System.Text.Json checks the nullability of properties only, not of their items.
    /// </summary>
    private static void RefuseNullItems(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var context = new NullabilityInfoContext();
        var collections = type.Properties
            .Where(p => p.Get is not null && p.AttributeProvider is PropertyInfo)
            .Select(p => (Property: p, Nullability: context.Create((PropertyInfo)p.AttributeProvider!)))
            .Where(c => ItemOf(c.Nullability) is not null).ToList();
        if (collections.Count == 0) return;
        type.OnDeserialized = value =>
        {
            foreach (var (property, nullability) in collections) RefuseNulls(property.Get!(value), nullability, property.Name);
        };
    }

    private static void RefuseNulls(object? collection, NullabilityInfo nullability, string name)
    {
        if (ItemOf(nullability) is not { } item) return;
        var items = collection switch
        {
            IDictionary map => map.Keys.Cast<object>().Select(k => (Name: $"{name}.{k}", Value: map[k])),
            IList list => list.Cast<object?>().Select((v, i) => (Name: $"{name}[{i}]", Value: v)),
            _ => [],
        };
        foreach (var (itemName, itemValue) in items)
        {
            if (itemValue is null && item is { ReadState: NullabilityState.NotNull, Type.IsValueType: false })
                throw new ConfigValueException($"expected {ConfigJsonError.Expected(item.Type, Options)}, found null", itemName);
            RefuseNulls(itemValue, item, itemName);
        }
    }

    /// <summary>The nullability of the items of a list or map; null for anything else.</summary>
    private static NullabilityInfo? ItemOf(NullabilityInfo collection) =>
        !collection.Type.IsGenericType ? null
        : collection.Type.IsAssignableTo(typeof(IDictionary)) && collection.GenericTypeArguments.Length == 2 ? collection.GenericTypeArguments[1]
        : collection.Type.IsAssignableTo(typeof(IList)) && collection.GenericTypeArguments.Length == 1 ? collection.GenericTypeArguments[0]
        : null;

    /// <summary>Every object type takes the comment keys, whatever their value, and drops them.</summary>
    private static void AcceptCommentKeys(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var key in CommentKeys)
        {
            if (type.Properties.Any(p => p.Name == key)) continue;
            var comment = type.CreateJsonPropertyInfo(typeof(JsonElement), key);
            comment.Set = static (_, _) => { };
            type.Properties.Add(comment);
        }
    }
}
