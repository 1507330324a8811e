using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Processing;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// The JSON document of one event, shared by the NDJSON, file, stdout and Elasticsearch outputs:
/// <c>timestamp</c>, <c>message</c>, <c>source</c>, <c>stream</c>, the pod fields, <c>truncated</c>,
/// then parsed and configured fields. Invalid UTF-8 becomes U+FFFD here, never earlier, so
/// nothing is lost before the one place a sink needs valid text.
/// </summary>
public sealed class EventJson(PodInfo pod)
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // Relaxed escaping keeps non-ASCII text as UTF-8 instead of \uXXXX: smaller and faster.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText StreamName = JsonEncodedText.Encode("stream");
    private static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
    private static readonly HashSet<string> Reserved = ["timestamp", "message", "source", "stream", "namespace", "pod", "container", "node", "truncated"];

    private readonly (JsonEncodedText Name, string Value)[] _podFields =
    [
        .. pod.Named("namespace", "pod", "container", "node").Select(f => (JsonEncodedText.Encode(f.Name), f.Value)),
    ];

    public void Write(Utf8JsonWriter writer, LogEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString(Timestamp, e.Timestamp);
        WriteText(writer, Message, e.Message);
        if (e.Source is not null)
        {
            writer.WriteString(Source, e.Source);
        }
        if (e.Stream is not null)
        {
            writer.WriteString(StreamName, e.Stream);
        }
        foreach (var (name, value) in _podFields)
        {
            writer.WriteString(name, value);
        }
        if (e.Truncated)
        {
            writer.WriteBoolean(Truncated, true);
        }
        if (e.Fields is not null)
        {
            foreach (var field in e.Fields)
            {
                if (Reserved.Contains(field.Name))
                {
                    continue;
                }
                writer.WritePropertyName(field.Name);
                if (field.Json is { } json)
                {
                    json.WriteTo(writer);
                }
                else
                {
                    writer.WriteStringValue(field.Text);
                }
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes bytes as a JSON string, replacing invalid UTF-8 sequences with U+FFFD.</summary>
    public static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, byte[] bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            writer.WriteString(name, bytes);
        }
        else
        {
            writer.WriteString(name, Encoding.UTF8.GetString(bytes));
        }
    }

    /// <summary>The same, as a value (arrays, Loki's tuples).</summary>
    public static void WriteTextValue(Utf8JsonWriter writer, byte[] bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            writer.WriteStringValue(bytes);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(bytes));
        }
    }
}
