using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>
/// A real OTLP/HTTP trace receiver on 127.0.0.1: accepts <c>POST /v1/traces</c> with a protobuf
/// ExportTraceServiceRequest and decodes the fields the tests look at, straight from the wire format
/// (opentelemetry-proto trace.proto field numbers).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();

    private OtlpReceiver(WebApplication app)
    {
        _app = app;
        TracesUrl = new Uri(new Uri(app.Urls.First()), "/v1/traces");
    }

    public Uri TracesUrl { get; }

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>Content types of the export requests, to check the exporter spoke OTLP/HTTP protobuf.</summary>
    public ConcurrentQueue<string> ContentTypes { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        OtlpReceiver? receiver = null;
        app.Run(async ctx =>
        {
            if (ctx.Request.Path != "/v1/traces" || ctx.Request.Method != "POST")
            {
                ctx.Response.StatusCode = 404;
                return;
            }
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            receiver!.ContentTypes.Enqueue(ctx.Request.ContentType ?? "");
            foreach (var span in Decode(body.ToArray()))
            {
                receiver._spans.Enqueue(span);
            }
            ctx.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        receiver = new OtlpReceiver(app);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static List<ReceivedSpan> Decode(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(request, 1))
        {
            var attributes = new Dictionary<string, string>();
            foreach (var resource in Fields(resourceSpans, 1))
            {
                ReadAttributes(resource, 1, attributes);
            }
            var service = attributes.GetValueOrDefault("service.name");
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                foreach (var span in Fields(scopeSpans, 2))
                {
                    var tags = new Dictionary<string, string>();
                    ReadAttributes(span, 9, tags);
                    spans.Add(new ReceivedSpan(
                        Hex(Fields(span, 1).FirstOrDefault()),
                        Hex(Fields(span, 2).FirstOrDefault()),
                        Hex(Fields(span, 4).FirstOrDefault()),
                        Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []),
                        (int)Varints(span, 6).FirstOrDefault(),
                        service,
                        tags));
                }
            }
        }
        return spans;
    }

    /// <summary>KeyValue { key = 1; AnyValue value = 2 } with AnyValue { string_value = 1; int_value = 3 }.</summary>
    private static void ReadAttributes(byte[] message, int field, Dictionary<string, string> into)
    {
        foreach (var pair in Fields(message, field))
        {
            var key = Encoding.UTF8.GetString(Fields(pair, 1).First());
            var value = Fields(pair, 2).FirstOrDefault() ?? [];
            var text = Fields(value, 1).Select(b => Encoding.UTF8.GetString(b)).FirstOrDefault()
                ?? Varints(value, 3).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            if (text is not null)
            {
                into[key] = text;
            }
        }
    }

    private static string Hex(byte[]? bytes) => bytes is null ? "" : Convert.ToHexStringLower(bytes);

    /// <summary>Length-delimited fields with this number.</summary>
    private static IEnumerable<byte[]> Fields(byte[] message, int number) =>
        Walk(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!);

    private static IEnumerable<ulong> Varints(byte[] message, int number) =>
        Walk(message).Where(f => f.Number == number && f.Bytes is null).Select(f => f.Varint);

    private static List<(int Number, byte[]? Bytes, ulong Varint)> Walk(byte[] message)
    {
        var fields = new List<(int, byte[]?, ulong)>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    fields.Add((number, null, ReadVarint(message, ref position)));
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    fields.Add((number, message[position..(position + length)], 0));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"unexpected protobuf wire type {tag & 7} at byte {position}");
            }
        }
        return fields;
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
