using System.Text.Json.Nodes;

namespace Tandem.Model.Sources;

/// <summary>
/// Deep copies for aliases and merge keys. A JSON node has one parent, so every use of an anchor
/// needs its own copy; the copy keeps the positions of the anchored original, so an error inside
/// it points at the lines the user actually wrote.
/// </summary>
internal static class NodeCopier
{
    public static JsonNode? Copy(JsonNode? node, SourceMap map)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject mapping:
                var mappingCopy = new JsonObject();
                foreach (var (name, child) in mapping)
                {
                    mappingCopy[name] = Copy(child, map);
                    map.CopyKey(mapping, mappingCopy, name);
                }
                map.CopyPosition(mapping, mappingCopy);
                return mappingCopy;
            case JsonArray list:
                var listCopy = new JsonArray();
                foreach (var item in list)
                {
                    listCopy.Add(Copy(item, map));
                }
                map.CopyPosition(list, listCopy);
                return listCopy;
            default:
                var valueCopy = node.DeepClone();
                map.CopyPosition(node, valueCopy);
                return valueCopy;
        }
    }

    /// <summary>How many values a copy of <paramref name="node"/> would produce, counting nulls.</summary>
    public static long Count(JsonNode? node) => node switch
    {
        JsonObject mapping => 1 + mapping.Sum(entry => Count(entry.Value)),
        JsonArray list => 1 + list.Sum(Count),
        _ => 1,
    };
}
