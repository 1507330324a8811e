using System.Buffers;
using System.Text.Json;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// The pass-through fast path of <see cref="EventJson"/>: an event without parsed fields, CRI stream
/// or truncation mark whose message is printable ASCII without quote or backslash needs no
/// escaping, so its JSON object is copied together from the raw line and two cached pieces (the
/// timestamp, shared by every line of one read, and the source and pod fields, shared by every
/// line of one file). The bytes are the ones <see cref="EventJson.Write"/> produces; anything else
/// takes that general path.
/// </summary>
public sealed class PlainLineEncoder(EventJson json)
{
    /// <summary>Bytes JSON can carry inside a string verbatim (the relaxed encoder escapes controls, DEL, '"' and '\').</summary>
    private static readonly SearchValues<byte> Verbatim = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Where(b => b is not '"' and not '\\').Select(b => (byte)b)]);

    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, EventJson.WriterOptions);
    private DateTimeOffset _timestamp;
    private byte[] _head = [];
    private string? _source;
    private byte[] _tail = [];

    /// <summary>Writes the event as one JSON object and returns true, or writes nothing and returns false.</summary>
    public bool TryWrite(IBufferWriter<byte> output, LogEvent e)
    {
        if (e.Fields is not null || e.Stream is not null || e.Truncated || e.Message.AsSpan().IndexOfAnyExcept(Verbatim) >= 0)
        {
            return false;
        }
        if (_head.Length == 0 || e.Timestamp != _timestamp || e.Timestamp.Offset != _timestamp.Offset)
        {
            _timestamp = e.Timestamp;
            _head = Head(e.Timestamp);
        }
        if (_tail.Length == 0 || !ReferenceEquals(e.Source, _source))
        {
            _source = e.Source;
            _tail = Tail(e.Source);
        }
        var span = output.GetSpan(_head.Length + e.Message.Length + _tail.Length);
        _head.CopyTo(span);
        e.Message.CopyTo(span[_head.Length..]);
        _tail.CopyTo(span[(_head.Length + e.Message.Length)..]);
        output.Advance(_head.Length + e.Message.Length + _tail.Length);
        return true;
    }

    /// <summary><c>{"timestamp":"...","message":"</c></summary>
    private byte[] Head(DateTimeOffset timestamp)
    {
        var bytes = Render(new LogEvent { Message = [], Timestamp = timestamp });
        var end = bytes.AsSpan().IndexOf("\"message\":\"\""u8);
        return bytes.AsSpan(0, end + "\"message\":\"".Length).ToArray();
    }

    /// <summary><c>","source":"...",...pod fields}</c></summary>
    private byte[] Tail(string? source)
    {
        var bytes = Render(new LogEvent { Message = [], Timestamp = default, Source = source });
        var start = bytes.AsSpan().IndexOf("\"message\":\"\""u8) + "\"message\":\"".Length;
        return bytes.AsSpan(start).ToArray();
    }

    private byte[] Render(LogEvent e)
    {
        _scratch.ResetWrittenCount();
        _writer.Reset(_scratch);
        json.Write(_writer, e);
        _writer.Flush();
        return _scratch.WrittenSpan.ToArray();
    }
}
