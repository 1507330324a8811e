using System.Threading.Channels;

namespace Tandem.Cli.PortForward;

/// <summary>One stream of a <see cref="SpdyClientSession"/>: what the server sends arrives in order until its FIN.</summary>
internal sealed class SpdyClientStream
{
    private readonly SpdyClientSession _session;
    private readonly Channel<ReadOnlyMemory<byte>> _inbound = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource _replied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SpdyClientStream(SpdyClientSession session, uint id)
    {
        _session = session;
        Id = id;
    }

    public uint Id { get; }

    public Task Replied => _replied.Task;

    /// <summary>Copies what the server sends on this stream to <paramref name="destination"/> until the server's FIN (or a reset).</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await foreach (var chunk in _inbound.Reader.ReadAllAsync(cancellationToken))
        {
            await destination.WriteAsync(chunk, cancellationToken);
        }
    }

    public async Task<string> ReadAllTextAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await CopyToAsync(buffer, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        // Well under spdystream's 16 MiB frame limit, so one slow frame does not hold the connection for long.
        const int Chunk = 32 * 1024;
        for (var offset = 0; offset < data.Length; offset += Chunk)
        {
            await _session.SendDataAsync(Id, false, data.Slice(offset, Math.Min(Chunk, data.Length - offset)), cancellationToken);
        }
    }

    /// <summary>Half-closes: an empty DATA frame with FIN.</summary>
    public Task CloseWriteAsync(CancellationToken cancellationToken) => _session.SendDataAsync(Id, true, ReadOnlyMemory<byte>.Empty, cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken) => _session.ResetAsync(Id, cancellationToken);

    internal async ValueTask DeliverAsync(ReadOnlyMemory<byte> payload, bool fin)
    {
        if (payload.Length > 0)
        {
            await _inbound.Writer.WriteAsync(payload.ToArray());
        }
        if (fin)
        {
            _inbound.Writer.TryComplete();
        }
    }

    internal void MarkReplied(bool fin)
    {
        _replied.TrySetResult();
        if (fin)
        {
            _inbound.Writer.TryComplete();
        }
    }

    internal void MarkReset()
    {
        _replied.TrySetException(new IOException($"the server reset stream {Id}"));
        _inbound.Writer.TryComplete();
    }
}
