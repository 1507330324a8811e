using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Serialization;

/// <summary>
/// Turns a JSON document into typed API objects, strictly: unknown fields and values of the
/// wrong type are errors with their paths, all of them at once, as kubectl's default
/// <c>--validate=strict</c> reports them. A <c>v1/List</c> is unpacked into its items.
/// </summary>
public static class ObjectDecoder
{
    private static readonly Dictionary<string, JsonTypeInfo> Kinds = new(StringComparer.Ordinal)
    {
        [Pod.KindName] = KubernetesJsonContext.Default.Pod,
        [ConfigMap.KindName] = KubernetesJsonContext.Default.ConfigMap,
        [Secret.KindName] = KubernetesJsonContext.Default.Secret,
        [Namespace.KindName] = KubernetesJsonContext.Default.Namespace,
        [Event.KindName] = KubernetesJsonContext.Default.Event,
    };

    /// <summary>The kinds Tandem reads, in the order people meet them.</summary>
    public static IReadOnlyCollection<string> SupportedKinds => Kinds.Keys;

    public static DecodeResult Decode(JsonObject document)
    {
        var objects = new List<DecodedObject>();
        var errors = new List<FieldError>();
        DecodeInto(document, null, objects, errors);
        return new DecodeResult(errors.Count == 0 ? objects : [], errors);
    }

    private static void DecodeInto(JsonObject document, FieldPath? prefix, List<DecodedObject> objects, List<FieldError> errors)
    {
        var apiVersion = ReadString(document, "apiVersion", prefix, errors);
        var kind = ReadString(document, "kind", prefix, errors);
        if (apiVersion is null || kind is null)
        {
            return;
        }
        if (apiVersion != "v1")
        {
            errors.Add(FieldError.Invalid(At(prefix, "apiVersion"), apiVersion,
                $"Tandem serves core/v1 objects only; {kind} in {apiVersion} is not a kind it runs (use apiVersion: v1)"));
            return;
        }
        if (kind == "List")
        {
            DecodeList(document, prefix, objects, errors);
            return;
        }
        if (!Kinds.TryGetValue(kind, out var type))
        {
            errors.Add(FieldError.NotSupported(At(prefix, "kind"), kind, [.. Kinds.Keys, "List"]));
            return;
        }

        var before = errors.Count;
        SchemaChecker.Check(document, type, prefix ?? FieldPath.Root("$"), errors);
        if (prefix is null)
        {
            // The root placeholder "$" only anchors the walk; paths start at the fields.
            for (var i = before; i < errors.Count; i++)
            {
                errors[i] = errors[i] with { Field = errors[i].Field.WithoutRoot() };
            }
        }
        if (errors.Count > before)
        {
            return;
        }
        try
        {
            var value = (IKubernetesObject)document.Deserialize(type)!;
            objects.Add(new DecodedObject(value, prefix));
        }
        catch (JsonException ex)
        {
            // The schema walk should have caught every problem; this is the safety net.
            errors.Add(FieldError.Invalid(prefix ?? FieldPath.Root(ex.Path ?? "$"), FieldError.OmittedValue, ex.Message));
        }
    }

    private static void DecodeList(JsonObject document, FieldPath? prefix, List<DecodedObject> objects, List<FieldError> errors)
    {
        var itemsPath = At(prefix, "items");
        if (document["items"] is not JsonArray items)
        {
            errors.Add(FieldError.Required(itemsPath, "a List needs items"));
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item)
            {
                DecodeInto(item, itemsPath.Index(i), objects, errors);
            }
            else
            {
                errors.Add(FieldError.Invalid(itemsPath.Index(i), FieldError.OmittedValue, "each item must be an object with apiVersion and kind"));
            }
        }
    }

    private static string? ReadString(JsonObject document, string name, FieldPath? prefix, List<FieldError> errors)
    {
        var node = document[name];
        if (node is null)
        {
            errors.Add(FieldError.Required(At(prefix, name), $"every object needs {name} (for example apiVersion: v1, kind: Pod)"));
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Length == 0)
        {
            errors.Add(FieldError.Invalid(At(prefix, name), SchemaChecker.Describe(node), "expected a non-empty string"));
            return null;
        }
        return node.GetValue<string>();
    }

    private static FieldPath At(FieldPath? prefix, string name) => prefix?.Child(name) ?? FieldPath.Root(name);
}
