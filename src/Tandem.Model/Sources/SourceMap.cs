using System.Text.Json.Nodes;
using Tandem.Model.Validation;

namespace Tandem.Model.Sources;

/// <summary>
/// Where the values and keys of a <see cref="ManifestDocument"/> came from. Lookups are by node
/// identity, not by value: two equal strings in a document are two positions.
/// </summary>
public sealed class SourceMap
{
    private readonly PositionTable _positions;
    private readonly JsonObject _root;
    private readonly SourceLocation _start;

    internal SourceMap(PositionTable positions, JsonObject root, SourceLocation start)
    {
        _positions = positions;
        _root = root;
        _start = start;
    }

    /// <summary>
    /// Where <paramref name="node"/>'s value starts, or null for a node the reader did not
    /// produce. (Nodes of the other documents of the same file are known too.)
    /// </summary>
    public SourceLocation? Of(JsonNode node) => _positions.Of(node);

    /// <summary>
    /// Where the key <paramref name="name"/> of <paramref name="parent"/> is written. Needed
    /// because a null value has no node to ask <see cref="Of"/> about.
    /// </summary>
    public SourceLocation? OfKey(JsonObject parent, string name) => _positions.OfKey(parent, name);

    /// <summary>
    /// The most precise position for <paramref name="path"/> in this document: its value when
    /// present; for a null, its key or list item; else the deepest part of the path that exists
    /// (a missing field is reported where its parent is); else the start of the document.
    /// </summary>
    public SourceLocation Locate(FieldPath path)
    {
        var best = Of(_root) ?? _start;
        JsonNode current = _root;
        foreach (var step in path.Steps())
        {
            var name = step.Name ?? step.Key;
            if (name is not null)
            {
                if (current is not JsonObject mapping || !mapping.TryGetPropertyValue(name, out var child))
                {
                    return best;
                }
                var key = OfKey(mapping, name);
                if (child is null)
                {
                    return key ?? best;
                }
                best = Of(child) ?? key ?? best;
                current = child;
            }
            else
            {
                if (current is not JsonArray list || step.Index < 0 || step.Index >= list.Count)
                {
                    return best;
                }
                if (list[step.Index] is not { } item)
                {
                    return _positions.OfNullItem(list, step.Index) ?? best;
                }
                best = Of(item) ?? best;
                current = item;
            }
        }
        return best;
    }
}
