using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Processing;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// Syslog (RFC 5424) over TCP with octet-counting framing (RFC 6587), so messages may contain
/// newlines. TCP has no application acknowledgement: a batch counts as delivered once the kernel
/// took it, so a receiver that crashes can lose what was in its socket buffer. Use an HTTP output
/// where that matters.
/// </summary>
public sealed class SyslogOutput(string name, OutputConfig config, PodInfo pod) : ILogOutput
{
    private const int User = 1;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly string _hostname = Printable(pod.Name ?? Environment.MachineName, 255);
    private readonly string _appName = Printable(config.AppName ?? pod.Container ?? "tandem-ship", 48);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TcpClient? _client;

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        // One connection: batches in flight take turns, so octet-counted frames never interleave.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendLockedAsync(events, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<OutputResult> SendLockedAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        Encode(events);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(config.Timeout);
        try
        {
            if (_client is null)
            {
                HostPort.TryParse(config.Address, out var host, out var port);
                _client = new TcpClient { NoDelay = true };
                await _client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            }
            var stream = _client.GetStream();
            await stream.WriteAsync(_buffer.WrittenMemory, timeout.Token).ConfigureAwait(false);
            await stream.FlushAsync(timeout.Token).ConfigureAwait(false);
            return OutputResult.Delivered;
        }
        catch (Exception ex) when (ex is SocketException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _client?.Dispose();
            _client = null;
            return OutputResult.Retry($"syslog {config.Address}: {ex.Message}");
        }
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Encode(IReadOnlyList<LogEvent> events)
    {
        _buffer.ResetWrittenCount();
        foreach (var e in events)
        {
            // Severity 3 (error) for stderr, 6 (informational) otherwise; facility user.
            var priority = (User * 8) + (e.Stream == "stderr" ? 3 : 6);
            var header = string.Create(CultureInfo.InvariantCulture, $"<{priority}>1 {e.Timestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'} {_hostname} {_appName} - - - ");
            var message = System.Text.Unicode.Utf8.IsValid(e.Message) ? e.Message : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(e.Message));
            var length = Encoding.UTF8.GetByteCount(header) + message.Length;
            Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{length} "), _buffer);
            Encoding.UTF8.GetBytes(header, _buffer);
            _buffer.Write(message);
        }
    }

    /// <summary>RFC 5424 header fields are printable US-ASCII without spaces; anything else becomes '_'.</summary>
    private static string Printable(string value, int max)
    {
        var chars = value.Take(max).Select(c => c is > ' ' and < (char)127 ? c : '_').ToArray();
        return chars.Length == 0 ? "-" : new string(chars);
    }
}
