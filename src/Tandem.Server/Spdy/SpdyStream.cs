using System.IO.Pipelines;

namespace Tandem.Server.Spdy;

/// <summary>
/// One client-opened SPDY stream as a duplex <see cref="Stream"/>: reads return the peer's DATA until its FIN (then 0),
/// writes become DATA frames, and <see cref="CloseWriteAsync"/> sends our FIN (a half-close). A reset by either side
/// ends both directions. The session replied to the SYN_STREAM before handing the stream out, so data written here
/// never overtakes the reply (kubectl drops data for a stream it has no reply for, spec §13.1).
/// </summary>
internal sealed class SpdyStream : Stream
{
    /// <summary>Largest DATA frame written: big enough for throughput, small enough to interleave streams.</summary>
    private const int MaxDataFrame = 64 * 1024;
    private readonly SpdySession _session;
    private readonly Pipe _inbound = new(new PipeOptions(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false));
    private readonly Stream _reader;
    private readonly SemaphoreSlim _inboundGate = new(1, 1);
    private bool _inboundDone;
    private int _writeClosed;
    private int _reset;

    public SpdyStream(SpdySession session, uint id, SpdyHeaders headers)
    {
        _session = session;
        Id = id;
        Headers = headers;
        _reader = _inbound.Reader.AsStream();
    }

    public uint Id { get; }

    public SpdyHeaders Headers { get; }

    /// <summary>Whether the stream was reset (by the peer's RST_STREAM, ours, or the connection ending).</summary>
    public bool IsReset => Volatile.Read(ref _reset) != 0;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _reader.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _reader.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => _reader.Read(buffer, offset, count);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            if (IsReset || Volatile.Read(ref _writeClosed) != 0)
            {
                throw new IOException($"SPDY stream {Id} is closed for writing");
            }
            var chunk = buffer[..Math.Min(MaxDataFrame, buffer.Length)];
            await _session.SendAsync(SpdyFrameWriter.DataFrame(Id, fin: false, chunk.Span), cancellationToken).ConfigureAwait(false);
            buffer = buffer[chunk.Length..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    /// <summary>Sends FIN (an empty DATA frame with the flag, as spdystream does) once; later calls do nothing.</summary>
    public async Task CloseWriteAsync(CancellationToken cancellationToken = default)
    {
        if (IsReset || Interlocked.Exchange(ref _writeClosed, 1) != 0)
        {
            return;
        }
        await _session.SendAsync(SpdyFrameWriter.DataFrame(Id, fin: true, []), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the stream from our side with RST_STREAM.</summary>
    public async Task ResetAsync(SpdyResetStatus status, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reset, 1) != 0)
        {
            return;
        }
        await CompleteInboundAsync().ConfigureAwait(false);
        await _session.SendAsync(new SpdyFrame.RstStream(Id, status), cancellationToken).ConfigureAwait(false);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Called by the session's read loop; waits while the reader is more than a megabyte behind (TCP backpressure).</summary>
    internal async ValueTask ReceiveAsync(ReadOnlyMemory<byte> data, bool fin, CancellationToken cancellationToken)
    {
        await _inboundGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_inboundDone)
            {
                return;
            }
            if (!data.IsEmpty)
            {
                var result = await _inbound.Writer.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                if (result.IsCompleted)
                {
                    // Our reader is gone: drop the rest, as the kubelet drops data for a closed stream.
                    _inboundDone = true;
                    return;
                }
            }
            if (fin)
            {
                _inboundDone = true;
                await _inbound.Writer.CompleteAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _inboundGate.Release();
        }
    }

    /// <summary>The peer reset the stream or the connection ended: readers see end of stream, writers an error.</summary>
    internal async ValueTask AbortAsync()
    {
        Volatile.Write(ref _reset, 1);
        await CompleteInboundAsync().ConfigureAwait(false);
    }

    private async ValueTask CompleteInboundAsync()
    {
        await _inboundGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_inboundDone)
            {
                _inboundDone = true;
                await _inbound.Writer.CompleteAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _inboundGate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inbound.Reader.Complete();
        }
        base.Dispose(disposing);
    }
}
