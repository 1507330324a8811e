using System.Text.Json;

namespace Tandem.Sidecars.LogShipper.Events;

/// <summary>A named value on an event: text (regex groups, pod fields) or a JSON value (parsed JSON lines).</summary>
public readonly record struct EventField(string Name, string? Text, JsonElement? Json)
{
    public static EventField FromText(string name, string text) => new(name, text, null);

    /// <summary>The value as text, for filters and labels.</summary>
    public string AsText() => Text ?? (Json is { } json ? (json.ValueKind == JsonValueKind.String ? json.GetString() ?? "" : json.GetRawText()) : "");
}
