using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Tandem.Model.Sources;

/// <summary>
/// The positions of every value and key the reader produced from one file, by node identity.
/// One table serves all documents of a file, so that a file of many tiny documents costs memory
/// in proportion to its values (which the node limit bounds), not to its documents.
/// </summary>
internal sealed class PositionTable
{
    private readonly Dictionary<JsonNode, SourceLocation> _values = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<KeySite, SourceLocation> _keys = new(KeySiteComparer.Instance);
    private readonly Dictionary<ItemSite, SourceLocation> _nullItems = new(ItemSiteComparer.Instance);

    public SourceLocation? Of(JsonNode node) => _values.TryGetValue(node, out var at) ? at : null;

    public SourceLocation? OfKey(JsonObject parent, string name) =>
        _keys.TryGetValue(new KeySite(parent, name), out var at) ? at : null;

    /// <summary>Where a null list item is written: like a null mapping value, it has no node of its own.</summary>
    public SourceLocation? OfNullItem(JsonArray list, int index) =>
        _nullItems.TryGetValue(new ItemSite(list, index), out var at) ? at : null;

    public void Add(JsonNode node, SourceLocation at) => _values[node] = at;

    public void AddNullItem(JsonArray list, int index, SourceLocation at) => _nullItems[new ItemSite(list, index)] = at;

    public void AddKey(JsonObject parent, string name, SourceLocation at) => _keys[new KeySite(parent, name)] = at;

    public void CopyPosition(JsonNode from, JsonNode to)
    {
        if (_values.TryGetValue(from, out var at))
        {
            _values[to] = at;
        }
    }

    public void CopyKey(JsonObject from, JsonObject to, string name)
    {
        if (_keys.TryGetValue(new KeySite(from, name), out var at))
        {
            _keys[new KeySite(to, name)] = at;
        }
    }

    private readonly record struct KeySite(JsonObject Parent, string Name);

    private readonly record struct ItemSite(JsonArray Parent, int Index);

    private sealed class ItemSiteComparer : IEqualityComparer<ItemSite>
    {
        public static readonly ItemSiteComparer Instance = new();

        public bool Equals(ItemSite x, ItemSite y) => ReferenceEquals(x.Parent, y.Parent) && x.Index == y.Index;

        public int GetHashCode(ItemSite site) => HashCode.Combine(RuntimeHelpers.GetHashCode(site.Parent), site.Index);
    }

    // Equal by the parent's identity and the key's text: JsonObject's own GetHashCode is not ours to rely on.
    private sealed class KeySiteComparer : IEqualityComparer<KeySite>
    {
        public static readonly KeySiteComparer Instance = new();

        public bool Equals(KeySite x, KeySite y) =>
            ReferenceEquals(x.Parent, y.Parent) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode(KeySite site) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(site.Parent), StringComparer.Ordinal.GetHashCode(site.Name));
    }
}
