using System.Buffers;
using System.Text.Json;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Processing;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// Grafana Loki's push API (<c>POST /loki/api/v1/push</c>, JSON): one stream per file and output
/// stream, labelled with namespace, pod, container, filename and the configured labels; values are
/// <c>[nanoseconds, line]</c> pairs. Labels stay few on purpose: Loki indexes them.
/// </summary>
public sealed class LokiOutput(string name, OutputConfig config, PodInfo pod) : ILogOutput
{
    private readonly HttpPoster _poster = new(config);
    private readonly Lock _encoding = new();
    private readonly Uri _url = new(config.Url!);
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, EventJson.WriterOptions);

    private readonly (string Name, string Value)[] _labels =
    [
        .. new (string Name, string? Value)[] { ("namespace", pod.Namespace), ("pod", pod.Name), ("container", pod.Container), ("node", pod.Node) }
            .Where(l => !string.IsNullOrEmpty(l.Value)).Select(l => (l.Name, l.Value!)),
        .. config.Labels.Select(kv => (kv.Key, kv.Value)),
    ];

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        using var request = EncodeShared(events);
        var (result, _) = await _poster.PostAsync(_url, request.Memory, "application/json", false, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private EncodedBody EncodeShared(IReadOnlyList<LogEvent> events)
    {
        lock (_encoding)
        {
            return new EncodedBody(Encode(events).Span);
        }
    }

    public ValueTask DisposeAsync()
    {
        _poster.Dispose();
        return ValueTask.CompletedTask;
    }

    private ReadOnlyMemory<byte> Encode(IReadOnlyList<LogEvent> events)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteStartArray("streams");
        foreach (var group in events.GroupBy(e => (e.Source, e.Stream)))
        {
            _writer.WriteStartObject();
            _writer.WriteStartObject("stream");
            foreach (var (label, value) in _labels)
            {
                _writer.WriteString(label, value);
            }
            if (group.Key.Source is { } source)
            {
                _writer.WriteString("filename", source);
            }
            if (group.Key.Stream is { } stream)
            {
                _writer.WriteString("stream", stream);
            }
            _writer.WriteEndObject();
            _writer.WriteStartArray("values");
            foreach (var e in group)
            {
                _writer.WriteStartArray();
                _writer.WriteStringValue(UnixNanos(e.Timestamp));
                EventJson.WriteTextValue(_writer, e.Message);
                _writer.WriteEndArray();
            }
            _writer.WriteEndArray();
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }

    internal static string UnixNanos(DateTimeOffset time) =>
        ((time - DateTimeOffset.UnixEpoch).Ticks * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
