using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Tandem.Model.Validation;

namespace Tandem.Model.Sources;

/// <summary>
/// Where the values and keys of one <see cref="ManifestDocument"/> came from. Lookups are by
/// node identity, not by value: two equal strings in a document are two positions.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<JsonNode, SourceLocation> _values = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<KeySite, SourceLocation> _keys = new(KeySiteComparer.Instance);
    private JsonNode? _root;
    private SourceLocation _start;

    internal SourceMap()
    {
    }

    /// <summary>Where <paramref name="node"/>'s value starts, or null if it is not from this document.</summary>
    public SourceLocation? Of(JsonNode node) => _values.TryGetValue(node, out var at) ? at : null;

    /// <summary>
    /// Where the key <paramref name="name"/> of <paramref name="parent"/> is written. Needed
    /// because a null value has no node to ask <see cref="Of"/> about.
    /// </summary>
    public SourceLocation? OfKey(JsonObject parent, string name) =>
        _keys.TryGetValue(new KeySite(parent, name), out var at) ? at : null;

    /// <summary>
    /// The most precise position for <paramref name="path"/>: its value when present, else its key
    /// (a null value), else the deepest part of the path that exists (a missing field is reported
    /// where its parent is), else the start of the document.
    /// </summary>
    public SourceLocation Locate(FieldPath path)
    {
        var best = _start;
        var current = _root;
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
                if (current is not JsonArray list || step.Index < 0 || step.Index >= list.Count
                    || list[step.Index] is not { } item)
                {
                    return best;
                }
                best = Of(item) ?? best;
                current = item;
            }
        }
        return best;
    }

    internal void Add(JsonNode node, SourceLocation at) => _values[node] = at;

    internal void AddKey(JsonObject parent, string name, SourceLocation at) => _keys[new KeySite(parent, name)] = at;

    internal void CopyPosition(JsonNode from, JsonNode to)
    {
        if (_values.TryGetValue(from, out var at))
        {
            _values[to] = at;
        }
    }

    internal void CopyKey(JsonObject from, JsonObject to, string name)
    {
        if (_keys.TryGetValue(new KeySite(from, name), out var at))
        {
            _keys[new KeySite(to, name)] = at;
        }
    }

    internal void SetDocument(JsonObject root, SourceLocation start)
    {
        _root = root;
        _start = start;
    }

    private readonly record struct KeySite(JsonObject Parent, string Name);

    // Equal by the parent's identity and the key's text; JsonObject has no value equality anyway,
    // but the record's default would call its GetHashCode, which is not guaranteed stable.
    private sealed class KeySiteComparer : IEqualityComparer<KeySite>
    {
        public static readonly KeySiteComparer Instance = new();

        public bool Equals(KeySite x, KeySite y) =>
            ReferenceEquals(x.Parent, y.Parent) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode(KeySite site) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(site.Parent), StringComparer.Ordinal.GetHashCode(site.Name));
    }
}
