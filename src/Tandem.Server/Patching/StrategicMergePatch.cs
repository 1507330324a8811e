using System.Text.Json.Nodes;

namespace Tandem.Server.Patching;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>), as apimachinery <c>strategicpatch</c>
/// applies it on the server: maps merge, <c>null</c> deletes, merge lists merge element-wise by their key, other
/// lists are replaced, and the directives <c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder/</c> and
/// <c>$deleteFromPrimitiveList/</c> steer the merge. Nulls aimed at missing fields are dropped, as the API server's
/// <c>IgnoreUnmatchedNulls</c> option does. Not supported: lists of lists, and the <c>$patch</c> directive inside
/// primitive lists.
/// </summary>
public static partial class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    /// <summary>Returns the patched object; <paramref name="original"/> is not modified.</summary>
    public static JsonObject Apply(JsonNode? original, JsonNode? patch, PatchSchema schema)
    {
        if (patch is not JsonObject patchObject)
        {
            throw new PatchException("json: cannot unmarshal array into Go value of type map[string]interface {}", isMalformed: true);
        }
        var target = original is JsonObject source ? (JsonObject)source.DeepClone() : [];
        return MergeMap(target, patchObject, schema);
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/>, which it owns and may return modified.</summary>
    private static JsonObject MergeMap(JsonObject original, JsonObject patch, PatchSchema schema)
    {
        switch (DirectiveOf(patch))
        {
            case "replace":
                return MergeMap([], WithoutDirective(patch), schema);
            case "delete":
                return [];
            case null:
                break;
            case var other:
                // Only replace and delete are directives of a map; even "merge" is rejected, as upstream does.
                throw new PatchException($"unknown patch type: {other} in map: {GoFormat.Value(patch)}", isMalformed: true);
        }
        if (patch.TryGetPropertyValue(RetainKeysDirective, out var retainNode))
        {
            var keep = RetainedKeys(patch, retainNode);
            foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }
        var orders = new List<(string Field, JsonArray Order, List<JsonNode?> ServerOrder)>();
        foreach (var (key, value) in patch)
        {
            if (key is Directive or RetainKeysDirective)
            {
                continue;
            }
            if (key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                var field = key[SetElementOrderPrefix.Length..];
                if (value is not JsonArray order)
                {
                    throw new PatchException($"invalid patch: {key} must be a list", isMalformed: true);
                }
                orders.Add((field, order, KeysOf(original[field] as JsonArray, schema.Field(field))));
                continue;
            }
            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(original, key[DeleteFromPrimitiveListPrefix.Length..], value);
                continue;
            }
            if (value is null)
            {
                original.Remove(key);
                continue;
            }
            var current = original[key];
            var merged = MergeValue(current, value, schema.Field(key), schema.Child(key));
            if (!ReferenceEquals(merged, current))
            {
                original[key] = merged;
            }
        }
        foreach (var (field, order, serverOrder) in orders)
        {
            if (original[field] is JsonArray list)
            {
                Reorder(list, order, serverOrder, schema.Field(field));
            }
        }
        return original;
    }

    /// <summary>Merges one patch value over the current one (which may be missing); returns the node to store.</summary>
    private static JsonNode? MergeValue(JsonNode? current, JsonNode value, PatchField? field, PatchSchema child) => (current, value) switch
    {
        (JsonObject currentObject, JsonObject patchObject) => MergeMap(currentObject, patchObject, child),
        (JsonArray currentArray, JsonArray patchArray) => MergeList(currentArray, patchArray, field),
        // A missing field (or a different type) takes the patch value, still processed so no directive leaks into the object.
        (_, JsonObject patchObject) => MergeMap([], patchObject, child),
        (_, JsonArray patchArray) => MergeList([], patchArray, field),
        _ => value.DeepClone(),
    };

    private static void DeleteFromPrimitiveList(JsonObject original, string field, JsonNode? values)
    {
        if (values is not JsonArray remove)
        {
            throw new PatchException($"invalid patch: {DeleteFromPrimitiveListPrefix}{field} must be a list", isMalformed: true);
        }
        if (original[field] is not JsonArray list)
        {
            return;
        }
        foreach (var item in list.Where(item => remove.Any(r => JsonNode.DeepEquals(r, item))).ToList())
        {
            list.Remove(item);
        }
    }

    /// <summary>The <c>$retainKeys</c> list, which must name every field the patch sets.</summary>
    private static HashSet<string?> RetainedKeys(JsonObject patch, JsonNode? retain)
    {
        if (retain is not JsonArray list)
        {
            throw new PatchException("invalid patch format of retainKeys", isMalformed: true);
        }
        var keep = list.Select(k => k?.ToString()).ToHashSet();
        foreach (var (key, value) in patch)
        {
            if (value is not null && key is not (Directive or RetainKeysDirective) && !key.StartsWith('$') && !keep.Contains(key))
            {
                throw new PatchException("invalid patch format of retainKeys", isMalformed: true);
            }
        }
        return keep;
    }

    private static string? DirectiveOf(JsonObject node) => node[Directive]?.ToString();

    private static JsonObject WithoutDirective(JsonObject patch)
    {
        var copy = (JsonObject)patch.DeepClone();
        copy.Remove(Directive);
        return copy;
    }
}
