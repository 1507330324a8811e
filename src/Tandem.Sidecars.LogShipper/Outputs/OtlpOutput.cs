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
    private readonly Uri _url = new(config.Url!);
    private readonly JsonBatchEncoder _encoder = new();

    private readonly (string Key, string Value)[] _resource =
    [
        .. pod.Named("k8s.namespace.name", "k8s.pod.name", "k8s.container.name", "k8s.node.name"),
    ];

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        using var request = _encoder.Encode(events, Write);
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

    public ValueTask DisposeAsync()
    {
        _poster.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Write(Utf8JsonWriter writer, IReadOnlyList<LogEvent> events)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("resourceLogs");
        writer.WriteStartObject();
        writer.WriteStartObject("resource");
        writer.WriteStartArray("attributes");
        foreach (var (key, value) in _resource)
        {
            WriteAttribute(writer, key, value);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("scopeLogs");
        writer.WriteStartObject();
        writer.WriteStartObject("scope");
        writer.WriteString("name", "tandem.ship");
        writer.WriteEndObject();
        writer.WriteStartArray("logRecords");
        foreach (var e in events)
        {
            writer.WriteStartObject();
            writer.WriteString("timeUnixNano", LokiOutput.UnixNanos(e.Timestamp));
            writer.WriteString("observedTimeUnixNano", LokiOutput.UnixNanos(e.ObservedAt));
            if (e.Stream == "stderr")
            {
                writer.WriteNumber("severityNumber", 17);
            }
            writer.WriteStartObject("body");
            EventJson.WriteText(writer, JsonEncodedText.Encode("stringValue"), e.Message);
            writer.WriteEndObject();
            writer.WriteStartArray("attributes");
            if (e.Source is not null)
            {
                WriteAttribute(writer, "log.file.path", e.Source);
            }
            if (e.Stream is not null)
            {
                WriteAttribute(writer, "log.iostream", e.Stream);
            }
            foreach (var field in e.Fields ?? [])
            {
                WriteAttribute(writer, field.Name, field.AsText());
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAttribute(Utf8JsonWriter writer, string key, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WriteStartObject("value");
        writer.WriteString("stringValue", value);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
