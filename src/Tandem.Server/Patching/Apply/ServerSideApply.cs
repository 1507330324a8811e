using System.Text.Json.Nodes;

namespace Tandem.Server.Patching.Apply;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>) for one object: merges the applied configuration into the
/// live object (or creates it), records the manager's Apply entry in <c>metadata.managedFields</c>, removes what the
/// manager applied before and no longer applies (unless another manager owns it), and reports conflicts with other
/// managers' fields whose values would change, unless forced, in which case it takes them over.
///
/// A pragmatic structured-merge-diff: list-map keys and merge lists come from <see cref="PatchSchema"/>, every other
/// list is atomic and every object is a granular map. Limits: no type checks of the applied values, merged
/// list-map items keep the live order with new items appended, and conflicts are detected only on leaves that exist
/// in the live object (adding a field another manager removed is not a conflict).
/// </summary>
public static class ServerSideApply
{
    private static readonly HashSet<string> ServerOwnedMetadata =
    [
        "managedFields", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "selfLink",
    ];

    /// <param name="live">The stored object, or null to create it; not modified.</param>
    /// <param name="applied">The applied configuration (the request body, already parsed from YAML or JSON).</param>
    public static ApplyResult Apply(JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now, PatchSchema schema)
    {
        var appliedSet = AppliedFields.Of(applied, schema);
        var entries = ManagedFieldsEntry.Read(live);
        var own = entries.FirstOrDefault(e => e.Manager == manager && e.IsApply && string.IsNullOrEmpty(e.Subresource));
        var others = entries.Where(e => !ReferenceEquals(e, own)).ToList();

        var conflicts = FindConflicts(live, applied, appliedSet, others, schema);
        if (conflicts.Count > 0 && !force)
        {
            return new ApplyResult(null, [.. conflicts.Select(c => new ApplyConflict(c.Owner.Display, FieldPathElement.Display(c.Path)))], false);
        }
        foreach (var (owner, path) in conflicts)
        {
            owner.Fields.Remove(path);
        }

        var result = live is null ? [] : (JsonObject)live.DeepClone();
        if (own is not null)
        {
            // Shallowest first, so a removed list item takes its fields along; an item's key fields are never
            // removed on their own, since the item could no longer be found (or be valid) without them.
            foreach (var path in own.Fields.Paths.OrderBy(p => p.Count).ToList())
            {
                if (!IsItemKey(path) && !appliedSet.ContainsOrBelow(path) && !others.Any(o => o.Fields.ContainsOrBelow(path)))
                {
                    ObjectPaths.RemoveAndPrune(result, path, schema);
                }
            }
        }
        MergeObject(result, applied, schema, topLevel: true);

        var entry = own ?? new ManagedFieldsEntry
        {
            Manager = manager,
            Operation = "Apply",
            ApiVersion = applied["apiVersion"]?.ToString() ?? "v1",
            Fields = appliedSet,
        };
        entry.Fields = appliedSet;
        entry.Time = ManagedFieldsEntry.FormatTime(now);
        if (own is null)
        {
            entries.Add(entry);
        }
        ManagedFieldsEntry.Write(result, entries);
        return new ApplyResult(result, [], live is null);
    }

    private static bool IsItemKey(IReadOnlyList<string> path) =>
        path.Count >= 2 && path[^2].StartsWith("k:", StringComparison.Ordinal)
        && JsonNode.Parse(path[^2][2..]) is JsonObject keys && keys.ContainsKey(path[^1][2..]);

    private static List<(ManagedFieldsEntry Owner, IReadOnlyList<string> Path)> FindConflicts(
        JsonObject? live, JsonObject applied, ManagedFieldSet appliedSet, List<ManagedFieldsEntry> others, PatchSchema schema)
    {
        var conflicts = new List<(ManagedFieldsEntry, IReadOnlyList<string>)>();
        if (live is null || others.Count == 0)
        {
            return conflicts;
        }
        foreach (var path in appliedSet.Paths.OrderBy(p => string.Join("/", p), StringComparer.Ordinal))
        {
            // Items of list-maps and sets are identified by their value, so they cannot differ; their fields can.
            if (path[^1][0] is 'k' or 'v')
            {
                continue;
            }
            var liveValue = ObjectPaths.Get(live, path, schema);
            if (liveValue is null || JsonNode.DeepEquals(liveValue, ObjectPaths.Get(applied, path, schema)))
            {
                continue;
            }
            foreach (var other in others.Where(o => o.Fields.Contains(path)))
            {
                conflicts.Add((other, path));
            }
        }
        return conflicts;
    }

    private static void MergeObject(JsonObject target, JsonObject applied, PatchSchema schema, bool topLevel)
    {
        foreach (var (key, value) in applied)
        {
            // Apply to the main resource resets status, as the pod strategy's ResetFieldsFor does.
            if (topLevel && key == "status")
            {
                continue;
            }
            if (topLevel && key == "metadata" && value is JsonObject metadata)
            {
                if (target["metadata"] is not JsonObject targetMetadata)
                {
                    targetMetadata = [];
                    target["metadata"] = targetMetadata;
                }
                var userMetadata = (JsonObject)metadata.DeepClone();
                foreach (var owned in ServerOwnedMetadata)
                {
                    userMetadata.Remove(owned);
                }
                MergeObject(targetMetadata, userMetadata, schema.Child("metadata"), topLevel: false);
                continue;
            }
            switch (value)
            {
                case null:
                    target.Remove(key);
                    break;
                case JsonObject obj when target[key] is JsonObject existing:
                    MergeObject(existing, obj, schema.Child(key), topLevel: false);
                    break;
                case JsonArray array when schema.Field(key) is { Merge: true } field && target[key] is JsonArray existing:
                    MergeList(existing, array, field);
                    break;
                default:
                    target[key] = value.DeepClone();
                    break;
            }
        }
    }

    private static void MergeList(JsonArray target, JsonArray applied, PatchField field)
    {
        foreach (var item in applied)
        {
            if (field.MergeKey is null)
            {
                if (!target.Any(existing => JsonNode.DeepEquals(existing, item)))
                {
                    target.Add(item?.DeepClone());
                }
                continue;
            }
            var key = FieldPathElement.Key(item, field);
            var match = key is null ? null : target.FirstOrDefault(existing => FieldPathElement.Key(existing, field) == key);
            if (match is JsonObject existingItem && item is JsonObject appliedItem)
            {
                MergeObject(existingItem, appliedItem, field.Schema ?? PatchSchema.Plain, topLevel: false);
            }
            else
            {
                target.Add(item?.DeepClone());
            }
        }
    }
}
