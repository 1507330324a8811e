using System.Buffers;
using System.Text.Json;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// Encodes a batch as one JSON document with a buffer and writer reused from batch to batch. Several
/// batches may be sent at once, so encoding is serialised and each body is copied out
/// (<see cref="EncodedBody"/>): the next batch can be encoded while this one is in flight.
/// </summary>
public sealed class JsonBatchEncoder
{
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, EventJson.WriterOptions);

    public EncodedBody Encode(IReadOnlyList<LogEvent> events, Action<Utf8JsonWriter, IReadOnlyList<LogEvent>> write)
    {
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            write(_writer, events);
            _writer.Flush();
            return new EncodedBody(_buffer.WrittenSpan);
        }
    }
}
