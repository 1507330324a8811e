using System.Text.Json.Nodes;
using Tandem.Server.Http;

namespace Tandem.Server.Resources;

/// <summary>The one place the server calls the patch engines of <c>Patching/</c>.</summary>
internal static class PatchEngines
{
    public static JsonObject Apply(string type, JsonObject? live, JsonNode patch, string? fieldManager, bool force, DateTimeOffset now) =>
        throw Errors.UnsupportedMediaType(type);
}
