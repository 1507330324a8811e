using System.Text.Json.Nodes;

namespace Tandem.Server.Patching;

public static partial class StrategicMergePatch
{
    /// <summary>Merges a patch list into <paramref name="original"/> (owned); atomic lists are replaced.</summary>
    private static JsonArray MergeList(JsonArray original, JsonArray patch, PatchField? field)
    {
        if (field is not { Merge: true })
        {
            return (JsonArray)patch.DeepClone();
        }
        var items = original.ToList();
        original.Clear();
        if (field.MergeKey is null)
        {
            // A merged list of primitives is a set: patch values not yet present are appended.
            foreach (var value in patch)
            {
                if (!items.Any(item => JsonNode.DeepEquals(item, value)))
                {
                    items.Add(value?.DeepClone());
                }
            }
            return Refill(original, items);
        }
        var schema = field.Schema ?? PatchSchema.Plain;
        if (patch.Any(element => element is JsonObject o && DirectiveOf(o) == "replace"))
        {
            var replaced = patch.OfType<JsonObject>().Where(o => DirectiveOf(o) != "replace").Select(o => (JsonNode?)MergeMap([], o, schema));
            return Refill(original, replaced.ToList());
        }
        foreach (var element in patch)
        {
            if (element is not JsonObject patchItem)
            {
                throw new PatchException($"invalid patch: the elements of a merge list keyed by {field.MergeKey} must be objects", isMalformed: true);
            }
            var directive = DirectiveOf(patchItem);
            if (directive == "merge" && patchItem.Count == 1)
            {
                continue;
            }
            var key = patchItem[field.MergeKey];
            if (key is null)
            {
                throw new PatchException($"map: {GoFormat.Value(patchItem)} does not contain declared merge key: {field.MergeKey}", isMalformed: true);
            }
            var index = items.FindIndex(item => JsonNode.DeepEquals(item?[field.MergeKey], key));
            if (directive == "delete")
            {
                items.RemoveAll(item => JsonNode.DeepEquals(item?[field.MergeKey], key));
                continue;
            }
            if (index >= 0 && items[index] is JsonObject existing)
            {
                items[index] = MergeMap(existing, patchItem, schema);
            }
            else
            {
                items.Add(MergeMap([], patchItem, schema));
            }
        }
        return Refill(original, items);
    }

    private static JsonArray Refill(JsonArray array, List<JsonNode?> items)
    {
        array.Clear();
        foreach (var item in items)
        {
            array.Add(item?.Parent is null ? item : item.DeepClone());
        }
        return array;
    }

    private static List<JsonNode?> KeysOf(JsonArray? list, PatchField? field) =>
        list is null ? [] : [.. list.Select(item => KeyOf(item, field)?.DeepClone())];

    private static JsonNode? KeyOf(JsonNode? item, PatchField? field) => field?.MergeKey is { } key ? item?[key] : item;

    /// <summary>
    /// Applies <c>$setElementOrder</c>: the items the order names come in that order; the others keep their
    /// places relative to them as in the original list (apimachinery <c>normalizeElementOrder</c> and
    /// <c>mergeSortedSlice</c>), and new items go before server-only ones they cannot be compared with.
    /// </summary>
    private static void Reorder(JsonArray list, JsonArray order, List<JsonNode?> serverOrder, PatchField? field)
    {
        var items = list.ToList();
        list.Clear();
        int OrderIndex(JsonNode? item) => IndexOf(order.Select(o => KeyOf(o, field)), KeyOf(item, field));
        int ServerIndex(JsonNode? item) => IndexOf(serverOrder, KeyOf(item, field));
        var ordered = items.Where(item => OrderIndex(item) >= 0).OrderBy(OrderIndex).ToList();
        var serverOnly = items.Where(item => OrderIndex(item) < 0).OrderBy(item => ServerIndex(item) is var i and >= 0 ? i : int.MaxValue).ToList();
        var merged = new List<JsonNode?>(items.Count);
        int left = 0, right = 0;
        while (left < ordered.Count || right < serverOnly.Count)
        {
            if (right >= serverOnly.Count)
            {
                merged.Add(ordered[left++]);
            }
            else if (left >= ordered.Count)
            {
                merged.Add(serverOnly[right++]);
            }
            else
            {
                var l = ServerIndex(ordered[left]);
                var r = ServerIndex(serverOnly[right]);
                merged.Add(l >= 0 && r >= 0 && l < r ? ordered[left++] : serverOnly[right++]);
            }
        }
        Refill(list, merged);
    }

    private static int IndexOf(IEnumerable<JsonNode?> keys, JsonNode? key)
    {
        var index = 0;
        foreach (var candidate in keys)
        {
            if (JsonNode.DeepEquals(candidate, key))
            {
                return index;
            }
            index++;
        }
        return -1;
    }
}
