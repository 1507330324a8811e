using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Threading.Channels;
using Tandem.Runtime;

namespace Tandem.Server.Streaming;

/// <summary>
/// Exec and attach over the WebSocket channel protocol, <c>v5.channel.k8s.io</c> (kubectl 1.30+ by default) and
/// <c>v4.channel.k8s.io</c> (spec §11.3): every message is binary, its first byte the channel (0 stdin, 1 stdout,
/// 2 stderr, 3 status, 4 resize, 255 close a channel, v5 only). The session ends with the status on channel 3 and
/// then a Close 1000, in that order: kubectl delivers end of stream to its readers only on a normal close.
/// </summary>
internal sealed class WebSocketRemoteCommand
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";
    public static readonly IReadOnlyList<string> Protocols = [V5, V4];

    private const byte StdinChannel = 0;
    private const byte StdoutChannel = 1;
    private const byte StderrChannel = 2;
    private const byte StatusChannel = 3;
    private const byte ResizeChannel = 4;
    private const byte CloseChannel = 255;
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly bool _v5;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Pipe _stdin = new(new PipeOptions(useSynchronizationContext: false));
    private readonly Channel<TerminalSize> _resize = Channel.CreateUnbounded<TerminalSize>();
    private readonly CancellationTokenSource _clientGone = new();
    private bool _stdinClosed;

    public WebSocketRemoteCommand(WebSocket socket, string protocol)
    {
        _socket = socket;
        _v5 = protocol == V5;
    }

    public async Task RunAsync(IPodStreams pods, PodStreamKind kind, PodStreamTarget target, RemoteCommandOptions options, CancellationToken cancellationToken)
    {
        var receiving = Task.Run(() => ReceiveAsync(options.Stdin), CancellationToken.None);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _clientGone.Token);
        var io = new StreamingIo
        {
            Stdin = options.Stdin ? _stdin.Reader.AsStream() : null,
            Stdout = options.Stdout ? new ChannelOutputStream((data, ct) => SendAsync(StdoutChannel, data, ct)) : null,
            Stderr = options.Stderr ? new ChannelOutputStream((data, ct) => SendAsync(StderrChannel, data, ct)) : null,
            Tty = options.Tty,
            Resize = options.Tty ? _resize.Reader : null,
        };
        try
        {
            var status = await RemoteCommandRunner.RunAsync(pods, kind, target, options, io, running.Token).ConfigureAwait(false);
            await SendAsync(StatusChannel, StreamStatus.ToJson(status), cancellationToken).ConfigureAwait(false);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException && _clientGone.IsCancellationRequested)
        {
            // The client left first: nothing to report to.
        }
        await Task.WhenAny(receiving, Task.Delay(CloseWait, cancellationToken)).ConfigureAwait(false);
        _socket.Abort();
        await receiving.ConfigureAwait(false);
    }

    private async ValueTask SendAsync(byte channel, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var message = new byte[data.Length + 1];
        message[0] = channel;
        data.CopyTo(message.AsMemory(1));
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            throw new IOException("the client closed the session", e);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Reads the client's messages until its Close: stdin, resize and close-channel signals.</summary>
    private async Task ReceiveAsync(bool stdin)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                await DispatchAsync(message.GetBuffer().AsMemory(0, (int)message.Length), stdin).ConfigureAwait(false);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection dropped; treated like a Close below.
        }
        finally
        {
            _stdinClosed = true;
            await _stdin.Writer.CompleteAsync().ConfigureAwait(false);
            _resize.Writer.TryComplete();
            if (_socket.State != WebSocketState.Closed || _socket.CloseStatus is null)
            {
                await _clientGone.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private async ValueTask DispatchAsync(ReadOnlyMemory<byte> message, bool stdin)
    {
        if (message.IsEmpty)
        {
            return;
        }
        var payload = message[1..];
        switch (message.Span[0])
        {
            case StdinChannel when stdin && !_stdinClosed && !payload.IsEmpty:
                await _stdin.Writer.WriteAsync(payload).ConfigureAwait(false);
                break;
            case ResizeChannel:
                if (TerminalSizeDecoder.Decode(payload.Span) is { } size)
                {
                    _resize.Writer.TryWrite(size);
                }
                break;
            case CloseChannel when _v5 && payload.Length > 0 && payload.Span[0] == StdinChannel:
                _stdinClosed = true;
                await _stdin.Writer.CompleteAsync().ConfigureAwait(false);
                break;
        }
    }
}
