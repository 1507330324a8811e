using System.Buffers;
using System.Text.Json;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// Elasticsearch and OpenSearch bulk API (<c>POST {url}/_bulk</c>, NDJSON of <c>create</c> actions
/// and documents). The bulk answer is 200 even when items fail, so every item's status is read:
/// 429 and 5xx items are retried alone, other failures are counted as rejected.
/// </summary>
public sealed class ElasticsearchOutput(string name, OutputConfig config, EventJson json) : ILogOutput
{
    private readonly HttpPoster _poster = new(config);
    private readonly Lock _encoding = new();
    private readonly Uri _url = new(config.Url!.TrimEnd('/') + "/_bulk");
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, EventJson.WriterOptions);
    private readonly byte[] _action = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, Dictionary<string, string>> { ["create"] = new() { ["_index"] = config.Index } });

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        using var request = EncodeShared(events);
        var (result, body) = await _poster.PostAsync(_url, request.Memory, "application/x-ndjson", true, cancellationToken).ConfigureAwait(false);
        return result.Status == OutputStatus.Delivered ? ReadItems(body, events) : result;
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
        foreach (var e in events)
        {
            _buffer.Write(_action);
            _buffer.Write("\n"u8);
            _writer.Reset(_buffer);
            json.Write(_writer, e);
            _writer.Flush();
            _buffer.Write("\n"u8);
        }
        return _buffer.WrittenMemory;
    }

    private static OutputResult ReadItems(string? body, IReadOnlyList<LogEvent> events)
    {
        if (string.IsNullOrEmpty(body))
        {
            return OutputResult.Delivered;
        }
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("errors", out var errors) || !errors.GetBoolean())
        {
            return OutputResult.Delivered;
        }
        var retry = new List<LogEvent>();
        var rejected = 0;
        string? reason = null;
        var index = 0;
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var result = item.EnumerateObject().First().Value;
            var status = result.GetProperty("status").GetInt32();
            if (index < events.Count && status is 429 or >= 500)
            {
                retry.Add(events[index]);
                reason ??= $"bulk item answered {status}";
            }
            else if (status >= 300 && status != 409)
            {
                // 409: a create of a document that exists; it was delivered before.
                rejected++;
            }
            index++;
        }
        return retry.Count > 0
            ? OutputResult.Retry(reason!, retry) with { RejectedCount = rejected }
            : OutputResult.Delivered with { RejectedCount = rejected };
    }
}
