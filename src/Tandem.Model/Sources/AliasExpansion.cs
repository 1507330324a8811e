using System.Text.Json.Nodes;

namespace Tandem.Model.Sources;

/// <summary>
/// Copies for aliases and merge keys, made only once the whole document has been read and
/// found within the limits. While reading, an alias of a mapping or list is a placeholder that
/// remembers its target and size, so an alias bomb (CVE-2019-11253) is refused by arithmetic
/// on sizes before a single copy is allocated. A JSON node has one parent, so every use then
/// gets its own deep copy, carrying the positions of the original so that errors inside it point
/// at the lines the user wrote.
/// </summary>
internal sealed class AliasExpansion(PositionTable positions)
{
    private readonly Dictionary<JsonNode, PendingCopy> _pending = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// What to put where <paramref name="source"/> is used again: scalars are copied at once,
    /// mappings and lists later. <paramref name="at"/> is where the use is written, if anywhere.
    /// </summary>
    public JsonNode? Use(JsonNode? source, SourceLocation? at, long? size = null)
    {
        switch (source)
        {
            case null:
                return null;
            case JsonValue when _pending.TryGetValue(source, out var pending):
                // A use of a use: point at the original target, not at the other placeholder.
                return Defer(pending with { At = at ?? pending.At });
            case JsonValue:
                var copy = source.DeepClone();
                positions.CopyPosition(source, copy);
                if (at is { } position)
                {
                    positions.Add(copy, position);
                }
                return copy;
            default:
                return Defer(new PendingCopy(source, size ?? Count(source), at ?? positions.Of(source)));
        }
    }

    /// <summary>The mapping or list a placeholder stands for, or the node itself.</summary>
    public JsonNode? Resolve(JsonNode? node) =>
        node is not null && _pending.TryGetValue(node, out var pending) ? pending.Target : node;

    /// <summary>How many values <paramref name="node"/> holds once expanded, itself included.</summary>
    public long Count(JsonNode? node) => node switch
    {
        null => 1,
        JsonObject mapping => 1 + mapping.Sum(entry => Count(entry.Value)),
        JsonArray list => 1 + list.Sum(Count),
        _ => _pending.TryGetValue(node, out var pending) ? pending.Size : 1,
    };

    /// <summary>Replaces every placeholder under <paramref name="root"/> with its own copy.</summary>
    public void ExpandAll(JsonNode root)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        switch (root)
        {
            case JsonObject mapping:
                for (var i = 0; i < mapping.Count; i++)
                {
                    var value = mapping.GetAt(i).Value;
                    if (value is not null && _pending.TryGetValue(value, out var pending))
                    {
                        mapping.SetAt(i, Copy(pending));
                    }
                    else if (value is not null)
                    {
                        ExpandAll(value);
                    }
                }
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is { } item && _pending.TryGetValue(item, out var pending))
                    {
                        list[i] = Copy(pending);
                    }
                    else if (list[i] is { } other)
                    {
                        ExpandAll(other);
                    }
                }
                break;
        }
    }

    private JsonNode Defer(PendingCopy pending)
    {
        var placeholder = JsonValue.Create(false);
        _pending[placeholder] = pending;
        return placeholder;
    }

    private JsonNode Copy(PendingCopy pending)
    {
        var copy = Copy(pending.Target)!;
        if (pending.At is { } at)
        {
            positions.Add(copy, at);
        }
        return copy;
    }

    private JsonNode? Copy(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }
        if (_pending.TryGetValue(node, out var pending))
        {
            return Copy(pending);
        }
        JsonNode copy;
        switch (node)
        {
            case JsonObject mapping:
                var mappingCopy = new JsonObject();
                foreach (var (name, child) in mapping)
                {
                    mappingCopy[name] = Copy(child);
                    positions.CopyKey(mapping, mappingCopy, name);
                }
                copy = mappingCopy;
                break;
            case JsonArray list:
                var listCopy = new JsonArray();
                foreach (var item in list)
                {
                    if (item is null && positions.OfNullItem(list, listCopy.Count) is { } nullAt)
                    {
                        positions.AddNullItem(listCopy, listCopy.Count, nullAt);
                    }
                    listCopy.Add(Copy(item));
                }
                copy = listCopy;
                break;
            default:
                copy = node.DeepClone();
                break;
        }
        positions.CopyPosition(node, copy);
        return copy;
    }

    private readonly record struct PendingCopy(JsonNode Target, long Size, SourceLocation? At);
}
