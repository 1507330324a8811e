using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Tandem.Cli.Printing;

/// <summary>
/// <c>-o json</c>, <c>-o yaml</c> and <c>-o name</c> as kubectl prints them: keys sorted (kubectl prints decoded,
/// unstructured objects), JSON indented by four spaces, YAML in go-yaml's block style, several objects as a
/// <c>kind: List</c>.
/// </summary>
public static class ObjectPrinter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public static string Json(JsonNode node) => Sorted(node)!.ToJsonString(Indented) + "\n";

    public static string ToYaml(JsonNode node) => Yaml.Serialize(Plain(Sorted(node)));

    /// <summary><c>pod/web</c>: the kind in lower case and the name.</summary>
    public static string Name(JsonObject item, string? fallbackKind = null) =>
        $"{((string?)item["kind"] ?? fallbackKind ?? "").ToLowerInvariant()}/{(string?)item["metadata"]?["name"]}";

    /// <summary>The list kubectl prints for several objects (or a list response): <c>kind: List</c> with every item's kind set.</summary>
    public static JsonObject AsList(IEnumerable<JsonObject> items) => new()
    {
        ["apiVersion"] = "v1",
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]),
        ["kind"] = "List",
        ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
    };

    /// <summary>The items of a <c>PodList</c> with <c>kind</c> and <c>apiVersion</c> filled in, as kubectl's decoder does.</summary>
    public static IEnumerable<JsonObject> Items(JsonObject list, string kind)
    {
        foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = (JsonObject)item.DeepClone();
            if (copy["kind"] is null)
            {
                copy["kind"] = kind;
            }
            if (copy["apiVersion"] is null)
            {
                copy["apiVersion"] = "v1";
            }
            yield return copy;
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray array => array.Select(Plain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => (string?)value,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l : value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };

    /// <summary>Several YAML documents as kubectl's watch prints them: separated by <c>---</c>.</summary>
    public static string YamlDocument(JsonNode node, bool first)
    {
        var builder = new StringBuilder();
        if (!first)
        {
            builder.Append("---\n");
        }
        builder.Append(ToYaml(node));
        return builder.ToString();
    }
}
