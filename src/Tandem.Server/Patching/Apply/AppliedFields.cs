using System.Text.Json.Nodes;

namespace Tandem.Server.Patching.Apply;

/// <summary>
/// The fields an object sets, as structured-merge-diff's <c>ToFieldSet</c> computes them: scalars, nulls, empty
/// objects and atomic lists are leaves; list-map and set items are members themselves; non-empty objects only
/// contribute their children. Server-owned fields (identity, status) are left out, as the API server strips them.
/// </summary>
public static class AppliedFields
{
    private static readonly HashSet<string> StrippedTopLevel = ["apiVersion", "kind", "status"];

    private static readonly HashSet<string> StrippedMetadata =
    [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    ];

    public static ManagedFieldSet Of(JsonObject obj, PatchSchema schema)
    {
        var set = new ManagedFieldSet();
        var path = new List<string>();
        foreach (var (key, value) in obj)
        {
            if (StrippedTopLevel.Contains(key))
            {
                continue;
            }
            if (key == "metadata" && value is JsonObject metadata)
            {
                path.Add(FieldPathElement.Field(key));
                foreach (var (metaKey, metaValue) in metadata)
                {
                    if (!StrippedMetadata.Contains(metaKey))
                    {
                        Walk(metaKey, metaValue, schema.Child("metadata"), path, set);
                    }
                }
                path.RemoveAt(path.Count - 1);
                continue;
            }
            Walk(key, value, schema, path, set);
        }
        return set;
    }

    private static void Walk(string key, JsonNode? value, PatchSchema schema, List<string> path, ManagedFieldSet set)
    {
        path.Add(FieldPathElement.Field(key));
        switch (value)
        {
            case JsonObject { Count: > 0 } obj:
                var child = schema.Child(key);
                foreach (var (childKey, childValue) in obj)
                {
                    Walk(childKey, childValue, child, path, set);
                }
                break;
            case JsonArray array when schema.Field(key) is { Merge: true } field:
                foreach (var item in array)
                {
                    var element = field.MergeKey is null ? FieldPathElement.Value(item) : FieldPathElement.Key(item, field);
                    if (element is null)
                    {
                        continue;
                    }
                    path.Add(element);
                    set.Add(path);
                    if (field.MergeKey is not null && item is JsonObject itemObject)
                    {
                        foreach (var (itemKey, itemValue) in itemObject)
                        {
                            Walk(itemKey, itemValue, field.Schema ?? PatchSchema.Plain, path, set);
                        }
                    }
                    path.RemoveAt(path.Count - 1);
                }
                break;
            default:
                set.Add(path);
                break;
        }
        path.RemoveAt(path.Count - 1);
    }
}
