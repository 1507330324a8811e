using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>
/// A receiver on 127.0.0.1 that speaks the real wire formats the HTTP outputs send: NDJSON
/// (<c>/ndjson</c>), Loki push (<c>/loki/api/v1/push</c>), Elasticsearch bulk (<c>/_bulk</c>) and
/// OTLP/HTTP JSON (<c>/v1/logs</c>). It stores what it accepted and can be told to answer 500 or
/// 429, or be stopped (connection refused) and started again on the same port.
/// </summary>
public sealed class HttpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentQueue<JsonElement> _documents = new();
    private readonly ConcurrentQueue<IDictionary<string, string>> _headers = new();
    private WebApplication? _app;
    private int _failuresLeft;
    private int _bulkItemFailuresLeft;

    public int Port { get; private set; }

    public SinkMode Mode { get; set; } = SinkMode.Accept;

    public int Requests;

    public int RefusedRequests;

    /// <summary>Message text of every accepted event, in arrival order (duplicates kept).</summary>
    public IReadOnlyCollection<string> Messages => _messages;

    /// <summary>Every accepted event as the JSON the sink saw (NDJSON objects, bulk documents, OTLP records, Loki tuples).</summary>
    public IReadOnlyCollection<JsonElement> Documents => _documents;

    public IReadOnlyCollection<IDictionary<string, string>> RequestHeaders => _headers;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public static async Task<HttpSink> StartAsync()
    {
        var sink = new HttpSink();
        await sink.StartOnAsync(0);
        return sink;
    }

    /// <summary>Answer with the current failure mode this many times, then accept again.</summary>
    public void FailNext(int count, SinkMode mode)
    {
        Mode = mode;
        Volatile.Write(ref _failuresLeft, count);
    }

    /// <summary>The next bulk requests answer 429 for their second item (Elasticsearch's per-item back-pressure).</summary>
    public void FailBulkItems(int count) => Volatile.Write(ref _bulkItemFailuresLeft, count);

    /// <summary>Stops listening: connections are refused, as when the sink is down.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public async Task RestartAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await StartOnAsync(Port);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        _app = app;
        Port = new Uri(app.Urls.First()).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref Requests);
        if (Mode != SinkMode.Accept)
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                Interlocked.Increment(ref RefusedRequests);
                context.Response.StatusCode = Mode == SinkMode.Fail500 ? 500 : 429;
                return;
            }
            Mode = SinkMode.Accept;
        }
        var body = new MemoryStream();
        Stream input = context.Request.Body;
        if (context.Request.Headers.ContentEncoding == "gzip")
        {
            input = new GZipStream(input, CompressionMode.Decompress);
        }
        await input.CopyToAsync(body);
        var text = Encoding.UTF8.GetString(body.ToArray());
        _headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        switch (context.Request.Path.Value)
        {
            case "/ndjson":
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Accept(JsonDocument.Parse(line).RootElement.Clone(), e => e.GetProperty("message").GetString()!);
                }
                break;
            case "/loki/api/v1/push":
                foreach (var stream in JsonDocument.Parse(text).RootElement.Clone().GetProperty("streams").EnumerateArray())
                {
                    foreach (var value in stream.GetProperty("values").EnumerateArray())
                    {
                        Accept(value, v => v[1].GetString()!);
                    }
                }
                break;
            case "/v1/logs":
                foreach (var resource in JsonDocument.Parse(text).RootElement.Clone().GetProperty("resourceLogs").EnumerateArray())
                {
                    foreach (var scope in resource.GetProperty("scopeLogs").EnumerateArray())
                    {
                        foreach (var record in scope.GetProperty("logRecords").EnumerateArray())
                        {
                            Accept(record, r => r.GetProperty("body").GetProperty("stringValue").GetString()!);
                        }
                    }
                }
                await context.Response.WriteAsync("{}");
                break;
            case "/_bulk":
                await BulkAsync(context, text);
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private async Task BulkAsync(HttpContext context, string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failItem = Interlocked.Decrement(ref _bulkItemFailuresLeft) >= 0;
        var items = new List<string>();
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var action = JsonDocument.Parse(lines[i]).RootElement;
            if (!action.TryGetProperty("create", out _))
            {
                items.Add("""{"create":{"status":400,"error":{"type":"illegal_argument_exception"}}}""");
                continue;
            }
            if (failItem && i == 2)
            {
                items.Add("""{"create":{"status":429,"error":{"type":"es_rejected_execution_exception"}}}""");
                continue;
            }
            Accept(JsonDocument.Parse(lines[i + 1]).RootElement.Clone(), e => e.GetProperty("message").GetString()!);
            items.Add("""{"create":{"_index":"logs","status":201,"result":"created"}}""");
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"took":1,"errors":{{(failItem ? "true" : "false")}},"items":[{{string.Join(",", items)}}]}""");
    }

    private void Accept(JsonElement document, Func<JsonElement, string> message)
    {
        _documents.Enqueue(document);
        _messages.Enqueue(message(document));
    }
}
