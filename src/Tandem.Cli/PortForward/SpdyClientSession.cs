using System.Collections.Concurrent;
using Tandem.Server.Spdy;

namespace Tandem.Cli.PortForward;

/// <summary>
/// The client side of a SPDY/3.1 connection, as kubectl's spdystream opens it for port-forward (spec §12.3, §13),
/// built on the server's frame reader and writer: this side opens the streams (odd ids, in order, each waiting for
/// its SYN_REPLY), echoes PINGs, and has no flow-control windows (spdystream neither sends nor honours them).
/// </summary>
internal sealed class SpdyClientSession : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private readonly Stream _transport;
    private readonly SpdyFrameWriter _writer = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<uint, SpdyClientStream> _streams = new();
    private readonly CancellationTokenSource _stop = new();
    private uint _nextId = 1;
    private Task _loop = Task.CompletedTask;

    public SpdyClientSession(Stream transport)
    {
        _transport = transport;
    }

    /// <summary>Completes when the connection is over (GOAWAY, the transport ended or failed).</summary>
    public Task Completion => _loop;

    public void Start() => _loop = Task.Run(ReadLoopAsync);

    /// <summary>Opens a stream with these headers and waits for the server to accept it.</summary>
    public async Task<SpdyClientStream> OpenAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        SpdyClientStream stream;
        await _send.WaitAsync(cancellationToken);
        try
        {
            // Ids and the header compression stream must both advance in the order the frames are sent.
            var id = _nextId;
            _nextId += 2;
            stream = new SpdyClientStream(this, id);
            _streams[id] = stream;
            await WriteLockedAsync(_writer.Serialize(new SpdyFrame.SynStream(id, 0, 0, false, new SpdyHeaders(headers))), cancellationToken);
        }
        finally
        {
            _send.Release();
        }
        await stream.Replied.WaitAsync(ReplyTimeout, cancellationToken);
        return stream;
    }

    internal async Task SendDataAsync(uint streamId, bool fin, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var frame = SpdyFrameWriter.DataFrame(streamId, fin, payload.Span);
        await _send.WaitAsync(cancellationToken);
        try
        {
            await WriteLockedAsync(frame, cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }

    internal async Task ResetAsync(uint streamId, CancellationToken cancellationToken)
    {
        _streams.TryRemove(streamId, out _);
        await _send.WaitAsync(cancellationToken);
        try
        {
            await WriteLockedAsync(_writer.Serialize(new SpdyFrame.RstStream(streamId, SpdyResetStatus.Cancel)), cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _send.WaitAsync(TimeSpan.FromSeconds(1));
            await WriteLockedAsync(_writer.Serialize(new SpdyFrame.GoAway(0, 0)), CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // the connection is already gone
        }
        await _transport.DisposeAsync();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or System.Net.WebSockets.WebSocketException or InvalidDataException)
        {
            // ending the transport ends the read loop with whatever it was doing
        }
    }

    private Task WriteLockedAsync(byte[] frame, CancellationToken cancellationToken) => _transport.WriteAsync(frame, cancellationToken).AsTask();

    private async Task ReadLoopAsync()
    {
        using var reader = new SpdyFrameReader(_transport);
        try
        {
            while (await reader.ReadAsync(_stop.Token) is { } frame)
            {
                switch (frame)
                {
                    case SpdyFrame.Data data when _streams.TryGetValue(data.StreamId, out var stream):
                        await stream.DeliverAsync(data.Payload, data.Fin);
                        break;
                    case SpdyFrame.SynReply reply when _streams.TryGetValue(reply.StreamId, out var stream):
                        stream.MarkReplied(reply.Fin);
                        break;
                    case SpdyFrame.RstStream reset when _streams.TryRemove(reset.StreamId, out var stream):
                        stream.MarkReset();
                        break;
                    case SpdyFrame.Ping ping:
                        await _send.WaitAsync(_stop.Token);
                        try
                        {
                            await WriteLockedAsync(_writer.Serialize(ping), _stop.Token);
                        }
                        finally
                        {
                            _send.Release();
                        }
                        break;
                    case SpdyFrame.GoAway:
                        return;
                }
            }
        }
        finally
        {
            foreach (var stream in _streams.Values)
            {
                stream.MarkReset();
            }
        }
    }
}
