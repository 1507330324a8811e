using System.Text;
using System.Text.Json.Nodes;

namespace Tandem.Server.Patching.Apply;

/// <summary>
/// One step of a structured-merge-diff field path in its FieldsV1 encoding: <c>f:name</c> (a field),
/// <c>k:{"name":"nginx"}</c> (a list-map item by its keys, field names sorted), <c>v:"x"</c> (a set item),
/// <c>i:0</c> (an index; never produced here).
/// </summary>
public static class FieldPathElement
{
    public static string Field(string name) => "f:" + name;

    public static string Value(JsonNode? value) => "v:" + (value?.ToJsonString() ?? "null");

    /// <summary>The <c>k:</c> element of a list-map item, or null when it has none of the keys.</summary>
    public static string? Key(JsonNode? item, PatchField field)
    {
        var key = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var name in field.ListMapKeys)
        {
            var value = item?[name]?.DeepClone();
            if (value is null && field.KeyDefaults?.TryGetValue(name, out var fallback) == true)
            {
                value = JsonValue.Create(fallback);
            }
            // As structured-merge-diff: a missing key without a default is left out of the key.
            if (value is not null)
            {
                key[name] = value;
            }
        }
        if (key.Count == 0)
        {
            return null;
        }
        var obj = new JsonObject();
        foreach (var (name, value) in key)
        {
            obj[name] = value;
        }
        return "k:" + obj.ToJsonString();
    }

    /// <summary>
    /// The path in the notation of apply conflicts (structured-merge-diff <c>Path.String</c>):
    /// <c>.spec.containers[name="nginx"].image</c>, <c>[containerPort=80,protocol="TCP"]</c>, <c>[="x"]</c>.
    /// </summary>
    public static string Display(IEnumerable<string> path)
    {
        var builder = new StringBuilder();
        foreach (var element in path)
        {
            var body = element[2..];
            switch (element[0])
            {
                case 'f':
                    builder.Append('.').Append(body);
                    break;
                case 'k':
                    var pairs = JsonNode.Parse(body)!.AsObject().Select(p => $"{p.Key}={p.Value?.ToJsonString() ?? "null"}");
                    builder.Append('[').Append(string.Join(",", pairs)).Append(']');
                    break;
                case 'v':
                    builder.Append("[=").Append(body).Append(']');
                    break;
                default:
                    builder.Append('[').Append(body).Append(']');
                    break;
            }
        }
        return builder.ToString();
    }
}
