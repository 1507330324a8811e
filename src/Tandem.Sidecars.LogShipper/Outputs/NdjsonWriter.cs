using System.Buffers;
using System.Text.Json;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>Encodes a batch as newline-delimited JSON into a buffer reused from batch to batch.</summary>
public sealed class NdjsonWriter(EventJson json)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, EventJson.WriterOptions);
    private readonly PlainLineEncoder _plain = new(json);

    public ReadOnlyMemory<byte> Encode(IReadOnlyList<LogEvent> events)
    {
        _buffer.ResetWrittenCount();
        foreach (var e in events)
        {
            if (!_plain.TryWrite(_buffer, e))
            {
                _writer.Reset(_buffer);
                json.Write(_writer, e);
                _writer.Flush();
            }
            _buffer.Write("\n"u8);
        }
        return _buffer.WrittenMemory;
    }
}
