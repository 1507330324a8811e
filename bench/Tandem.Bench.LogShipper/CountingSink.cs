using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tandem.Bench.LogShipper;

/// <summary>
/// The consumer: an NDJSON HTTP endpoint (for the shipper) and a raw TCP listener (for rsyslog's
/// omfwd), both counting received lines. With latency tracking on, it reads the write time the
/// generator put in each line and records write-to-receipt delay.
/// </summary>
public sealed class CountingSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private long _lines;

    private CountingSink(WebApplication app, TcpListener tcp)
    {
        _app = app;
        _tcp = tcp;
    }

    public long Lines => Interlocked.Read(ref _lines);

    public bool TrackLatency { get; set; }

    public ConcurrentBag<double> LatenciesMs { get; } = [];

    public int HttpPort { get; private set; }

    public int TcpPort => ((IPEndPoint)_tcp.LocalEndpoint).Port;

    public static async Task<CountingSink> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var tcp = new TcpListener(IPAddress.Loopback, 0);
        var sink = new CountingSink(app, tcp);
        app.Run(sink.HandleAsync);
        await app.StartAsync();
        sink.HttpPort = new Uri(app.Urls.First()).Port;
        tcp.Start();
        _ = sink.AcceptAsync();
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp.Stop();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        var partial = TrackLatency ? new List<byte>() : null;
        while (true)
        {
            var result = await reader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                Count(segment.Span, parseJson: true, partial);
            }
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using var c = client;
                var stream = c.GetStream();
                var buffer = new byte[1 << 16];
                var partial = TrackLatency ? new List<byte>() : null;
                int n;
                while ((n = await stream.ReadAsync(buffer)) > 0)
                {
                    Count(buffer.AsSpan(0, n), parseJson: false, partial);
                }
            });
        }
    }

    private void Count(ReadOnlySpan<byte> span, bool parseJson, List<byte>? partial)
    {
        if (partial is null)
        {
            Interlocked.Add(ref _lines, span.Count((byte)'\n'));
            return;
        }
        // Latency mode runs at 1,000 lines/s, so byte-by-byte is fine; lines may span reads.
        foreach (var b in span)
        {
            if (b != (byte)'\n')
            {
                partial.Add(b);
                continue;
            }
            Record([.. partial], parseJson);
            partial.Clear();
            Interlocked.Increment(ref _lines);
        }
    }

    private void Record(byte[] line, bool parseJson)
    {
        if (line.Length == 0)
        {
            return;
        }
        var text = parseJson ? JsonDocument.Parse(line).RootElement.GetProperty("message").GetString()! : System.Text.Encoding.UTF8.GetString(line);
        var at = text.IndexOf("t=", StringComparison.Ordinal);
        if (at >= 0 && long.TryParse(text.AsSpan(at + 2, text.IndexOf(' ', at) - at - 2), out var written))
        {
            LatenciesMs.Add(Stopwatch.GetElapsedTime(written).TotalMilliseconds);
        }
    }
}
