using System.Text.Json.Nodes;

namespace Tandem.Server.Patching.Apply;

/// <summary>
/// A set of field paths (each a list of <see cref="FieldPathElement"/> strings), convertible to and from the
/// FieldsV1 trie of <c>metadata.managedFields</c>, where <c>"."</c> marks a node that is itself a member as well
/// as the parent of others.
/// </summary>
public sealed class ManagedFieldSet
{
    private const char Separator = '\n';
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public int Count => _paths.Count;

    public IEnumerable<IReadOnlyList<string>> Paths => _paths.Select(Split);

    public void Add(IEnumerable<string> path) => _paths.Add(Join(path));

    public bool Contains(IEnumerable<string> path) => _paths.Contains(Join(path));

    public bool Remove(IEnumerable<string> path) => _paths.Remove(Join(path));

    /// <summary>True when the set holds the path or anything below it.</summary>
    public bool ContainsOrBelow(IReadOnlyList<string> path)
    {
        var joined = Join(path);
        return _paths.Contains(joined) || _paths.Any(p => p.StartsWith(joined + Separator, StringComparison.Ordinal));
    }

    /// <summary>True when the set holds something strictly below the path.</summary>
    public bool ContainsBelow(IReadOnlyList<string> path)
    {
        var prefix = Join(path) + Separator;
        return _paths.Any(p => p.StartsWith(prefix, StringComparison.Ordinal));
    }

    public JsonObject ToFieldsV1()
    {
        var root = new JsonObject();
        foreach (var path in _paths.Select(Split))
        {
            var node = root;
            foreach (var element in path)
            {
                if (node[element] is not JsonObject next)
                {
                    next = [];
                    node[element] = next;
                }
                node = next;
            }
            node["."] = new JsonObject();
        }
        return Normalize(root);
    }

    public static ManagedFieldSet FromFieldsV1(JsonNode? fields)
    {
        var set = new ManagedFieldSet();
        if (fields is JsonObject root)
        {
            Collect(root, [], set);
        }
        return set;
    }

    private static void Collect(JsonObject node, List<string> prefix, ManagedFieldSet set)
    {
        foreach (var (key, value) in node)
        {
            if (key == ".")
            {
                set.Add(prefix);
                continue;
            }
            prefix.Add(key);
            if (value is JsonObject { Count: > 0 } child)
            {
                Collect(child, prefix, set);
            }
            else
            {
                set.Add(prefix);
            }
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    /// <summary>Leaves become <c>{}</c>; members with children keep <c>"."</c> first; children sort f, k, v, i, then by text.</summary>
    private static JsonObject Normalize(JsonObject node)
    {
        var result = new JsonObject();
        var children = node.Where(p => p.Key != ".").ToList();
        if (node.ContainsKey(".") && children.Count > 0)
        {
            result["."] = new JsonObject();
        }
        foreach (var (key, value) in children.OrderBy(p => KindOrder(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = Normalize((JsonObject)value!);
        }
        return result;
    }

    private static int KindOrder(string element) => element[0] switch { 'f' => 0, 'k' => 1, 'v' => 2, _ => 3 };

    private static string Join(IEnumerable<string> path) => string.Join(Separator, path);

    private static IReadOnlyList<string> Split(string joined) => joined.Length == 0 ? [] : joined.Split(Separator);
}
