using System.Text.Json.Nodes;

namespace Tandem.Server.Patching.Apply;

/// <summary>Reads and removes the value a field path points at inside an object.</summary>
public static class ObjectPaths
{
    /// <summary>The value at the path, or null when any step is missing.</summary>
    public static JsonNode? Get(JsonObject? root, IReadOnlyList<string> path, PatchSchema schema)
    {
        var (parent, step, field) = Parent(root, path, schema);
        return parent is null ? null : Step(parent, step, field).Node;
    }

    /// <summary>Removes the field or list item at the path; returns false when it was not there.</summary>
    public static bool Remove(JsonObject root, IReadOnlyList<string> path, PatchSchema schema)
    {
        var (parent, step, field) = Parent(root, path, schema);
        if (parent is null)
        {
            return false;
        }
        switch (parent)
        {
            case JsonObject obj when step.StartsWith("f:", StringComparison.Ordinal):
                return obj.Remove(step[2..]);
            case JsonArray array:
                var index = Step(array, step, field).Index;
                if (index < 0)
                {
                    return false;
                }
                array.RemoveAt(index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Removes the path, then any list or map left empty above it (below the top-level fields): the API server
    /// stores typed objects whose empty slices and maps vanish on encoding, so an emptied <c>env</c> is gone.
    /// </summary>
    public static bool RemoveAndPrune(JsonObject root, IReadOnlyList<string> path, PatchSchema schema)
    {
        if (!Remove(root, path, schema))
        {
            return false;
        }
        for (var length = path.Count - 1; length > 1; length--)
        {
            var prefix = path.Take(length).ToList();
            if (Get(root, prefix, schema) is JsonArray { Count: 0 } or JsonObject { Count: 0 })
            {
                Remove(root, prefix, schema);
            }
            else
            {
                break;
            }
        }
        return true;
    }

    private static (JsonNode? Parent, string Step, PatchField? Field) Parent(JsonObject? root, IReadOnlyList<string> path, PatchSchema schema)
    {
        JsonNode? node = root;
        PatchField? field = null;
        for (var i = 0; i < path.Count - 1 && node is not null; i++)
        {
            var step = path[i];
            if (step.StartsWith("f:", StringComparison.Ordinal))
            {
                var name = step[2..];
                field = schema.Field(name);
                schema = schema.Child(name);
            }
            else
            {
                schema = field?.Schema ?? PatchSchema.Plain;
            }
            node = Step(node, step, field).Node;
        }
        return (node, path[^1], path[^1].StartsWith("f:", StringComparison.Ordinal) ? schema.Field(path[^1][2..]) : field);
    }

    private static (JsonNode? Node, int Index) Step(JsonNode node, string step, PatchField? field)
    {
        switch (node)
        {
            case JsonObject obj when step.StartsWith("f:", StringComparison.Ordinal):
                return (obj[step[2..]], -1);
            case JsonArray array when step.StartsWith("k:", StringComparison.Ordinal) && field is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    if (FieldPathElement.Key(array[i], field) == step)
                    {
                        return (array[i], i);
                    }
                }
                return (null, -1);
            case JsonArray array when step.StartsWith("v:", StringComparison.Ordinal):
                for (var i = 0; i < array.Count; i++)
                {
                    if (FieldPathElement.Value(array[i]) == step)
                    {
                        return (array[i], i);
                    }
                }
                return (null, -1);
            default:
                return (null, -1);
        }
    }
}
