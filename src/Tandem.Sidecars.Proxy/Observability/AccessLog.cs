using System.Text.Json;
using System.Threading.Channels;

namespace Tandem.Sidecars.Proxy.Observability;

/// <summary>
/// Structured access log: one JSON object per line. Request threads only enqueue; one background
/// writer formats and writes, so a slow stdout never adds latency to requests. When the queue is
/// full (stdout blocked), entries are dropped and counted rather than blocking traffic.
/// </summary>
internal sealed class AccessLog : IAsyncDisposable
{
    private readonly Channel<AccessLogEntry> _queue = Channel.CreateBounded<AccessLogEntry>(new BoundedChannelOptions(8192)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private readonly Stream _output;
    private readonly bool _ownsOutput;
    private readonly Task _writer;
    private long _dropped;

    public AccessLog(string path)
    {
        if (path == "stdout")
        {
            _output = Console.OpenStandardOutput();
        }
        else
        {
            _output = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            _ownsOutput = true;
        }
        _writer = Task.Run(WriteLoopAsync);
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(in AccessLogEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_ownsOutput)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new MemoryStream();
        await using var json = new Utf8JsonWriter(buffer);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var entry))
            {
                Format(json, entry);
                json.Flush();
                json.Reset();
                buffer.WriteByte((byte)'\n');
            }
            // One write per batch: under load many lines share one system call.
            await _output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
            await _output.FlushAsync().ConfigureAwait(false);
            buffer.SetLength(0);
        }
    }

    private static void Format(Utf8JsonWriter json, in AccessLogEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("time", entry.Time);
        json.WriteString("method", entry.Method);
        json.WriteString("path", entry.Path);
        json.WriteString("protocol", entry.Protocol);
        json.WriteNumber("status", entry.Status);
        json.WriteNumber("duration_ms", Math.Round(entry.DurationMs, 3));
        json.WriteString("route", entry.Route);
        WriteOptional(json, "upstream", entry.Upstream);
        WriteOptional(json, "client_ip", entry.ClientIp);
        WriteOptional(json, "caller", entry.Caller);
        json.WriteString("trace_id", entry.TraceId);
        WriteOptional(json, "error", entry.Error);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
