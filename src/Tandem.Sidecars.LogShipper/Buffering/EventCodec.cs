using System.Text;
using System.Text.Json;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Buffering;

/// <summary>A batch of events as bytes for the disk buffer, and back. Origins are not stored: those events are already checkpointed.</summary>
public static class EventCodec
{
    public static byte[] Encode(IReadOnlyList<LogEvent> events)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(events.Count);
        foreach (var e in events)
        {
            writer.Write(e.Timestamp.UtcTicks);
            writer.Write(e.ObservedAt.UtcTicks);
            writer.Write(e.Truncated);
            writer.Write(e.Source ?? "");
            writer.Write(e.Stream ?? "");
            writer.Write(e.Message.Length);
            writer.Write(e.Message);
            writer.Write(e.Fields?.Count ?? 0);
            foreach (var field in e.Fields ?? [])
            {
                writer.Write(field.Name);
                writer.Write(field.Json is not null);
                writer.Write(field.Json is { } json ? json.GetRawText() : field.Text ?? "");
            }
        }
        writer.Flush();
        return stream.ToArray();
    }

    public static List<LogEvent> Decode(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray());
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var count = reader.ReadInt32();
        var events = new List<LogEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var timestamp = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var observed = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var truncated = reader.ReadBoolean();
            var source = reader.ReadString();
            var streamName = reader.ReadString();
            var message = reader.ReadBytes(reader.ReadInt32());
            var fieldCount = reader.ReadInt32();
            List<EventField>? fields = fieldCount > 0 ? new(fieldCount) : null;
            for (var f = 0; f < fieldCount; f++)
            {
                var name = reader.ReadString();
                var isJson = reader.ReadBoolean();
                var value = reader.ReadString();
                fields!.Add(isJson ? new EventField(name, null, JsonDocument.Parse(value).RootElement.Clone()) : EventField.FromText(name, value));
            }
            events.Add(new LogEvent
            {
                Message = message,
                Timestamp = timestamp,
                ObservedAt = observed,
                Truncated = truncated,
                Source = source.Length > 0 ? source : null,
                Stream = streamName.Length > 0 ? streamName : null,
                Fields = fields,
                BudgetBytes = message.Length + LogEvent.Overhead,
            });
        }
        return events;
    }
}
