using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Tandem.Model.Primitives;
using Tandem.Model.Validation;

namespace Tandem.Model.Serialization;

/// <summary>
/// Walks a JSON document beside the generated type metadata and reports every field the schema
/// does not have and every value of the wrong JSON type, all at once, each with its path.
/// This is kubectl's strict field validation, which the plain deserializer would stop at the
/// first problem of.
/// </summary>
internal static class SchemaChecker
{
    public static void Check(JsonNode? node, JsonTypeInfo type, FieldPath path, List<FieldError> errors)
    {
        if (node is null)
        {
            return; // null is "not set" for every optional field
        }
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(node, type, path, errors);
                break;
            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array)
                {
                    errors.Add(FieldError.Invalid(path, Describe(node), "expected a list"));
                    return;
                }
                var element = type.Options.GetTypeInfo(type.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], element, path.Index(i), errors);
                }
                break;
            case JsonTypeInfoKind.Dictionary:
                if (node is not JsonObject map)
                {
                    errors.Add(FieldError.Invalid(path, Describe(node), "expected a map of keys to values"));
                    return;
                }
                var value = type.Options.GetTypeInfo(type.ElementType!);
                foreach (var (key, entry) in map)
                {
                    Check(entry, value, path.Key(key), errors);
                }
                break;
            default:
                CheckScalar(node, Nullable.GetUnderlyingType(type.Type) ?? type.Type, path, errors);
                break;
        }
    }

    private static void CheckObject(JsonNode node, JsonTypeInfo type, FieldPath path, List<FieldError> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add(FieldError.Invalid(path, Describe(node), "expected an object with fields"));
            return;
        }
        var properties = PropertyTypes.GetValue(type, static t => new PropertyTable(t));
        foreach (var (name, value) in obj)
        {
            if (!properties.Types.TryGetValue(name, out var propertyType))
            {
                errors.Add(FieldError.Unknown(path.Child(name)));
                continue;
            }
            if (value is not null)
            {
                Check(value, propertyType, path.Child(name), errors);
            }
        }
    }

    /// <summary>The JSON names of a type's properties and their metadata, built once per type.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonTypeInfo, PropertyTable> PropertyTypes = new();

    private sealed class PropertyTable(JsonTypeInfo type)
    {
        public Dictionary<string, JsonTypeInfo> Types { get; } =
            type.Properties.ToDictionary(p => p.Name, p => type.Options.GetTypeInfo(p.PropertyType), StringComparer.Ordinal);
    }

    private static void CheckScalar(JsonNode node, Type type, FieldPath path, List<FieldError> errors)
    {
        var kind = node.GetValueKind();
        var error = type switch
        {
            _ when type == typeof(string) => kind == JsonValueKind.String ? null : ExpectedString(kind),
            _ when type == typeof(bool) => kind is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false",
            _ when type == typeof(int) => IntegerError(node, kind, int.MinValue, int.MaxValue),
            _ when type == typeof(long) => IntegerError(node, kind, long.MinValue, long.MaxValue),
            _ when type == typeof(Quantity) => QuantityError(node, kind),
            _ when type == typeof(IntOrString) => kind == JsonValueKind.String || IntegerError(node, kind, int.MinValue, int.MaxValue) is null
                ? null : "expected an integer or a string",
            _ when type == typeof(DateTimeOffset) || type == typeof(MicroTime) => TimeError(node, kind),
            _ when type == typeof(byte[]) => kind == JsonValueKind.String && IsBase64(node.GetValue<string>()) ? null : "expected base64-encoded data",
            _ when type == typeof(JsonObject) => kind == JsonValueKind.Object ? null : "expected an object with fields",
            _ when type == typeof(JsonArray) => kind == JsonValueKind.Array ? null : "expected a list",
            _ => null,
        };
        if (error is not null)
        {
            errors.Add(FieldError.Invalid(path, Describe(node), error));
        }
    }

    private static string ExpectedString(JsonValueKind kind) => kind switch
    {
        // YAML reads unquoted yes/no/on/off/true/false as booleans and 0644 as a number.
        JsonValueKind.True or JsonValueKind.False => "expected a string; YAML reads this unquoted word as a boolean, quote it",
        JsonValueKind.Number => "expected a string; YAML reads this unquoted value as a number, quote it",
        _ => "expected a string",
    };

    private static string? IntegerError(JsonNode node, JsonValueKind kind, long min, long max)
    {
        if (kind != JsonValueKind.Number)
        {
            return kind == JsonValueKind.String ? "expected an integer, not a string; remove the quotes" : "expected an integer";
        }
        var value = node.AsValue();
        if (value.TryGetValue<long>(out var whole) || (value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e18 && (whole = (long)real) == whole))
        {
            return whole < min || whole > max ? $"must be between {min} and {max}" : null;
        }
        return "expected an integer";
    }

    private static string? QuantityError(JsonNode node, JsonValueKind kind)
    {
        if (kind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return "expected a quantity such as 500m or 1Gi";
        }
        var text = kind == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return Quantity.TryParse(text.Trim(), out _, out var error) ? null : error;
    }

    private static string? TimeError(JsonNode node, JsonValueKind kind)
    {
        if (kind != JsonValueKind.String)
        {
            return "expected an RFC 3339 time such as 2026-01-02T03:04:05Z";
        }
        try
        {
            RfcTimeJsonConverter.ParseRfc3339(node.GetValue<string>());
            return null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    /// <summary>The offending value for the message: scalars as themselves, containers by shape.</summary>
    internal static object Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => new RawNumber(node.ToJsonString()),
        JsonValueKind.Object => new RawNumber("{...}"),
        JsonValueKind.Array => new RawNumber("[...]"),
        _ => new RawNumber("null"),
    };

    /// <summary>Text printed as it is (no quotes) in a field error.</summary>
    private sealed record RawNumber(string Text)
    {
        public override string ToString() => Text;
    }
}
