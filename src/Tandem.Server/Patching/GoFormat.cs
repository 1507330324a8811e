using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Server.Patching;

/// <summary>
/// Prints JSON the way Go's <c>%v</c> prints decoded JSON (<c>map[a:1 b:[x y]]</c>, keys sorted), since the API
/// server's patch errors embed the offending map like that.
/// </summary>
internal static class GoFormat
{
    public static string Value(JsonNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("<nil>");
                break;
            case JsonObject obj:
                builder.Append("map[");
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : " ").Append(key).Append(':');
                    Append(builder, value);
                    first = false;
                }
                builder.Append(']');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : " ");
                    Append(builder, array[i]);
                }
                builder.Append(']');
                break;
            default:
                builder.Append(node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString());
                break;
        }
    }
}
