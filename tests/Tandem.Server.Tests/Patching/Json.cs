using System.Text.Json.Nodes;

namespace Tandem.Server.Tests.Patching;

/// <summary>Parses JSON written with single quotes, which keeps the expected documents readable.</summary>
internal static class Json
{
    public static JsonNode Parse(string text) => JsonNode.Parse(text.Replace('\'', '"'))!;

    public static void Equal(string expected, JsonNode? actual)
    {
        var want = Parse(expected);
        Assert.True(JsonNode.DeepEquals(want, actual), $"expected {want?.ToJsonString() ?? "null"}\n  actual {actual?.ToJsonString() ?? "null"}");
    }
}
