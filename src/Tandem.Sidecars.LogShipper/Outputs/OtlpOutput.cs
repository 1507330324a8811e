using System.Buffers;
using System.Text.Json;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Processing;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// OTLP/HTTP logs in the JSON encoding (<c>POST /v1/logs</c>): the pod as resource attributes with
/// the semantic-convention names (<c>k8s.namespace.name</c> ...), each event a log record with its
/// body, times and the file path. A <c>partialSuccess</c> answer counts the rejected records.
/// </summary>
public sealed class OtlpOutput(string name, OutputConfig config, PodInfo pod) : ILogOutput
{
    private readonly HttpPoster _poster = new(config);
    private readonly Lock _encoding = new();
    private readonly Uri _url = new(config.Url!);
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, EventJson.WriterOptions);

    private readonly (string Key, string Value)[] _resource =
    [
        .. new (string Key, string? Value)[] { ("k8s.namespace.name", pod.Namespace), ("k8s.pod.name", pod.Name), ("k8s.container.name", pod.Container), ("k8s.node.name", pod.Node) }
            .Where(a => !string.IsNullOrEmpty(a.Value)).Select(a => (a.Key, a.Value!)),
    ];

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        using var request = EncodeShared(events);
        var (result, body) = await _poster.PostAsync(_url, request.Memory, "application/json", true, cancellationToken).ConfigureAwait(false);
        if (result.Status == OutputStatus.Delivered && !string.IsNullOrEmpty(body))
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("partialSuccess", out var partial)
                && partial.TryGetProperty("rejectedLogRecords", out var rejected)
                && long.TryParse(rejected.ToString(), out var count) && count > 0)
            {
                return OutputResult.Delivered with { RejectedCount = (int)count };
            }
        }
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
        _writer.WriteStartArray("resourceLogs");
        _writer.WriteStartObject();
        _writer.WriteStartObject("resource");
        _writer.WriteStartArray("attributes");
        foreach (var (key, value) in _resource)
        {
            WriteAttribute(key, value);
        }
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteStartArray("scopeLogs");
        _writer.WriteStartObject();
        _writer.WriteStartObject("scope");
        _writer.WriteString("name", "tandem.ship");
        _writer.WriteEndObject();
        _writer.WriteStartArray("logRecords");
        foreach (var e in events)
        {
            _writer.WriteStartObject();
            _writer.WriteString("timeUnixNano", LokiOutput.UnixNanos(e.Timestamp));
            _writer.WriteString("observedTimeUnixNano", LokiOutput.UnixNanos(e.ObservedAt));
            if (e.Stream == "stderr")
            {
                _writer.WriteNumber("severityNumber", 17);
            }
            _writer.WriteStartObject("body");
            EventJson.WriteText(_writer, JsonEncodedText.Encode("stringValue"), e.Message);
            _writer.WriteEndObject();
            _writer.WriteStartArray("attributes");
            if (e.Source is not null)
            {
                WriteAttribute("log.file.path", e.Source);
            }
            if (e.Stream is not null)
            {
                WriteAttribute("log.iostream", e.Stream);
            }
            foreach (var field in e.Fields ?? [])
            {
                WriteAttribute(field.Name, field.AsText());
            }
            _writer.WriteEndArray();
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }

    private void WriteAttribute(string key, string value)
    {
        _writer.WriteStartObject();
        _writer.WriteString("key", key);
        _writer.WriteStartObject("value");
        _writer.WriteString("stringValue", value);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }
}
