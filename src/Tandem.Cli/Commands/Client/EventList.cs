using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;

namespace Tandem.Cli.Commands.Client;

/// <summary>Decodes the items of an EventList response into typed events.</summary>
public static class EventList
{
    public static IReadOnlyList<Event> Items(JsonObject list) =>
        [.. (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(Decode).OfType<Event>()];

    public static Event? Decode(JsonObject item) => item.Deserialize(KubernetesJsonContext.Default.Event);
}
