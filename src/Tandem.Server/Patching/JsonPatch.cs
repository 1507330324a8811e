using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Server.Patching;

/// <summary>
/// RFC 6902 JSON patch (<c>application/json-patch+json</c>): add, remove, replace, move, copy and test, applied in
/// order to a copy of the document; the first failing operation fails the patch. Messages follow the
/// evanphx/json-patch library the API server uses, since kubectl shows them verbatim.
/// </summary>
public static class JsonPatch
{
    /// <summary>Returns the patched document; <paramref name="document"/> is not modified.</summary>
    public static JsonNode? Apply(JsonNode? document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch", isMalformed: true);
        }
        var root = new JsonObject { ["doc"] = document?.DeepClone() };
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw new PatchException("json: cannot unmarshal into Go value of type jsonpatch.Operation", isMalformed: true);
            }
            Apply(root, op);
        }
        var result = root["doc"];
        root.Remove("doc");
        return result;
    }

    private static void Apply(JsonObject root, JsonObject op)
    {
        var kind = Text(op, "op");
        var path = Text(op, "path") ?? throw new PatchException($"{kind} operation missing path", isMalformed: true);
        switch (kind)
        {
            case "add":
                Add(root, path, Value(op, kind), kind);
                break;
            case "remove":
                Remove(root, path, kind);
                break;
            case "replace":
                Replace(root, path, Value(op, kind));
                break;
            case "move":
            {
                var from = Text(op, "from") ?? throw new PatchException("move operation missing from", isMalformed: true);
                var value = Get(root, from) ?? throw new PatchException($"move operation does not apply: doc is missing from path: {from}: missing value");
                Remove(root, from, kind);
                Add(root, path, value, kind);
                break;
            }
            case "copy":
            {
                var from = Text(op, "from") ?? throw new PatchException("copy operation missing from", isMalformed: true);
                var value = Get(root, from) ?? throw new PatchException($"copy operation does not apply: doc is missing from path: {from}: missing value");
                Add(root, path, value.DeepClone(), kind);
                break;
            }
            case "test":
                if (!JsonNode.DeepEquals(Get(root, path), Value(op, kind)))
                {
                    throw new PatchException($"testing value {path} failed: test failed");
                }
                break;
            default:
                throw new PatchException($"Unexpected kind: {kind}", isMalformed: true);
        }
    }

    private static string? Text(JsonObject op, string name) =>
        op[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonNode? Value(JsonObject op, string kind) =>
        op.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw new PatchException($"{kind} operation missing value", isMalformed: true);

    private static (JsonNode? Parent, string Key) Locate(JsonObject root, string path)
    {
        var tokens = JsonPointer.Parse(path);
        JsonNode? parent = root;
        var key = "doc";
        foreach (var token in tokens)
        {
            parent = Child(parent, key);
            key = token;
        }
        return (parent, key);
    }

    private static JsonNode? Child(JsonNode? parent, string key) => parent switch
    {
        JsonObject obj => obj[key],
        JsonArray array when TryIndex(key, array.Count - 1, out var index) => array[index],
        _ => null,
    };

    private static JsonNode? Get(JsonObject root, string path)
    {
        var (parent, key) = Locate(root, path);
        return Child(parent, key);
    }

    private static void Add(JsonObject root, string path, JsonNode? value, string kind)
    {
        var (parent, key) = Locate(root, path);
        switch (parent)
        {
            case JsonObject obj:
                obj[key] = value;
                break;
            case JsonArray array when key == "-":
                array.Add(value);
                break;
            case JsonArray array when TryIndex(key, array.Count, out var index):
                array.Insert(index, value);
                break;
            case JsonArray:
                throw new PatchException($"Unable to access invalid index: {key}: invalid index referenced");
            default:
                throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static void Remove(JsonObject root, string path, string kind)
    {
        var (parent, key) = Locate(root, path);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(key):
                obj.Remove(key);
                break;
            case JsonObject:
                throw new PatchException($"Unable to remove nonexistent key: {key}: missing value");
            case JsonArray array when TryIndex(key, array.Count - 1, out var index):
                array.RemoveAt(index);
                break;
            case JsonArray:
                throw new PatchException($"Unable to access invalid index: {key}: invalid index referenced");
            default:
                throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static void Replace(JsonObject root, string path, JsonNode? value)
    {
        var (parent, key) = Locate(root, path);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(key):
                obj[key] = value;
                break;
            case JsonObject:
                throw new PatchException($"replace operation does not apply: doc is missing key: {path}: missing value");
            case JsonArray array when TryIndex(key, array.Count - 1, out var index):
                array[index] = value;
                break;
            case JsonArray:
                throw new PatchException($"Unable to access invalid index: {key}: invalid index referenced");
            default:
                throw new PatchException($"replace operation does not apply: doc is missing path: {path}: missing value");
        }
    }

    /// <summary>Array indexes are non-negative decimal numbers without leading zeros, at most <paramref name="max"/>.</summary>
    private static bool TryIndex(string token, int max, out int index) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index)
        && (token == "0" || token[0] != '0')
        && index <= max;
}
