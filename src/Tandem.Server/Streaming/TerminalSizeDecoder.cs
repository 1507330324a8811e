using System.Text.Json;
using Tandem.Runtime;

namespace Tandem.Server.Streaming;

/// <summary>
/// Reads kubectl's resize messages, <c>{"Width":W,"Height":H}</c> with capitalised keys (spec §11.3): one per
/// WebSocket message, or newline-delimited on the SPDY resize stream.
/// </summary>
internal static class TerminalSizeDecoder
{
    public static TerminalSize? Decode(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return new TerminalSize(Dimension(root, "Width"), Dimension(root, "Height"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ushort Dimension(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.TryGetUInt16(out var value))
            {
                return value;
            }
        }
        return 0;
    }
}
