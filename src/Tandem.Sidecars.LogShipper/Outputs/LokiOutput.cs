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
    private readonly Uri _url = new(config.Url!);
    private readonly JsonBatchEncoder _encoder = new();

    private readonly (string Name, string Value)[] _labels =
    [
        .. pod.Named("namespace", "pod", "container", "node"),
        .. config.Labels.Select(kv => (kv.Key, kv.Value)),
    ];

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        using var request = _encoder.Encode(events, Write);
        var (result, _) = await _poster.PostAsync(_url, request.Memory, "application/json", false, cancellationToken).ConfigureAwait(false);
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
        writer.WriteStartArray("streams");
        foreach (var group in events.GroupBy(e => (e.Source, e.Stream)))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("stream");
            foreach (var (label, value) in _labels)
            {
                writer.WriteString(label, value);
            }
            if (group.Key.Source is { } source)
            {
                writer.WriteString("filename", source);
            }
            if (group.Key.Stream is { } stream)
            {
                writer.WriteString("stream", stream);
            }
            writer.WriteEndObject();
            writer.WriteStartArray("values");
            foreach (var e in group)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(UnixNanos(e.Timestamp));
                EventJson.WriteTextValue(writer, e.Message);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static string UnixNanos(DateTimeOffset time) =>
        ((time - DateTimeOffset.UnixEpoch).Ticks * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
