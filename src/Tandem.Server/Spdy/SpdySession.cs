using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tandem.Server.Spdy;

/// <summary>
/// The server side of a SPDY/3.1 connection as kubectl's spdystream speaks it (spec §13): the client opens every
/// stream; each SYN_STREAM is answered at once with an empty SYN_REPLY and the stream is handed out through
/// <see cref="Streams"/>; PINGs are echoed; RST_STREAM ends a stream; GOAWAY or the end of the transport ends the
/// session. SETTINGS, WINDOW_UPDATE and unknown control frames are ignored: there are no flow-control windows, since
/// spdystream never sends WINDOW_UPDATE (spec §13.4), so a slow reader holds back the whole connection instead (the
/// read loop waits, and TCP pushes back on the client).
/// </summary>
internal sealed partial class SpdySession : IAsyncDisposable
{
    private readonly Stream _transport;
    private readonly SpdyFrameReader _reader;
    private readonly SpdyFrameWriter _writer = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<uint, SpdyStream> _streams = new();
    private readonly Channel<SpdyStream> _accepted = Channel.CreateUnbounded<SpdyStream>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly ILogger _logger;
    private uint _lastStreamId;
    private Task _loop = Task.CompletedTask;

    public SpdySession(Stream transport, ILogger? logger = null)
    {
        _transport = transport;
        _reader = new SpdyFrameReader(transport);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Streams the client opened, already replied to; completes when the session ends.</summary>
    public ChannelReader<SpdyStream> Streams => _accepted.Reader;

    /// <summary>Completes when the connection is over: GOAWAY, the transport ended or failed, or <see cref="DisposeAsync"/>.</summary>
    public Task Completion => _loop;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Sends one serialized frame; frames never interleave.</summary>
    internal async ValueTask SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        await _sending.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await _transport.WriteAsync(frame, linked.Token).ConfigureAwait(false);
            await _transport.FlushAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    internal async ValueTask SendAsync(SpdyFrame frame, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        await _sending.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            // Serialized under the lock: header blocks share one compression stream, so their order on the wire
            // must be the order they were compressed in.
            await _transport.WriteAsync(_writer.Serialize(frame), linked.Token).ConfigureAwait(false);
            await _transport.FlushAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Says goodbye (GOAWAY, status OK) if the transport is still there.</summary>
    public async Task GoAwayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(new SpdyFrame.GoAway(Volatile.Read(ref _lastStreamId), 0), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client hung up first; there is no one left to tell.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _reader.Dispose();
        _closing.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (await _reader.ReadAsync(_closing.Token).ConfigureAwait(false) is { } frame)
            {
                if (!await HandleAsync(frame).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ObjectDisposedException or OperationCanceledException
                                      or System.Net.WebSockets.WebSocketException)
        {
            if (!_closing.IsCancellationRequested)
            {
                Log.ConnectionEnded(_logger, e.Message);
            }
        }
        catch (Exception e)
        {
            Log.SessionFailed(_logger, e);
        }
        finally
        {
            _accepted.Writer.TryComplete();
            foreach (var stream in _streams.Values)
            {
                await stream.AbortAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles one frame; false when the session is over.</summary>
    private async ValueTask<bool> HandleAsync(SpdyFrame frame)
    {
        switch (frame)
        {
            case SpdyFrame.Data data:
                if (_streams.TryGetValue(data.StreamId, out var target))
                {
                    await target.ReceiveAsync(data.Payload, data.Fin, _closing.Token).ConfigureAwait(false);
                }
                return true;
            case SpdyFrame.SynStream syn:
                await AcceptAsync(syn).ConfigureAwait(false);
                return true;
            case SpdyFrame.RstStream rst:
                if (_streams.TryRemove(rst.StreamId, out var reset))
                {
                    await reset.AbortAsync().ConfigureAwait(false);
                }
                return true;
            case SpdyFrame.Ping ping:
                await SendAsync(ping, _closing.Token).ConfigureAwait(false);
                return true;
            case SpdyFrame.GoAway:
                return false;
            default:
                return true;
        }
    }

    private async ValueTask AcceptAsync(SpdyFrame.SynStream syn)
    {
        var stream = new SpdyStream(this, syn.StreamId, syn.Headers);
        if (!_streams.TryAdd(syn.StreamId, stream))
        {
            await SendAsync(new SpdyFrame.RstStream(syn.StreamId, SpdyResetStatus.StreamInUse), _closing.Token).ConfigureAwait(false);
            return;
        }
        Volatile.Write(ref _lastStreamId, syn.StreamId);
        Log.StreamOpened(_logger, syn.StreamId, syn.Headers.ToString());
        await SendAsync(new SpdyFrame.SynReply(syn.StreamId, false, SpdyHeaders.Empty), _closing.Token).ConfigureAwait(false);
        if (syn.Fin)
        {
            await stream.ReceiveAsync(ReadOnlyMemory<byte>.Empty, fin: true, _closing.Token).ConfigureAwait(false);
        }
        _accepted.Writer.TryWrite(stream);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "SPDY stream {StreamId} opened: {Headers}")]
        public static partial void StreamOpened(ILogger logger, uint streamId, string headers);

        [LoggerMessage(2, LogLevel.Debug, "SPDY connection ended: {Reason}")]
        public static partial void ConnectionEnded(ILogger logger, string reason);

        [LoggerMessage(3, LogLevel.Error, "SPDY session failed")]
        public static partial void SessionFailed(ILogger logger, Exception exception);
    }
}
