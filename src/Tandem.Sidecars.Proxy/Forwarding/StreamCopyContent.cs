using System.Buffers;
using System.Net;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>
/// Request content that streams the client's body to the app as it arrives, flushing each chunk,
/// so uploads and gRPC client streams are never buffered in the proxy.
/// </summary>
internal sealed class StreamCopyContent(Stream source, long? length, CancellationToken cancellationToken) : HttpContent
{
    private const int BufferSize = 16 * 1024;

    /// <summary>Bytes read from the client so far (for the access log).</summary>
    public long BytesCopied { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken1)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cancellationToken1);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            if (length is null)
            {
                // SocketsHttpHandler holds HTTP/2 request headers back until the body's first flush;
                // a streaming call whose server answers first (gRPC server streaming) would wait forever.
                await stream.FlushAsync(linked.Token).ConfigureAwait(false);
            }
            while (true)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), linked.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                BytesCopied += read;
                await stream.WriteAsync(buffer.AsMemory(0, read), linked.Token).ConfigureAwait(false);
                await stream.FlushAsync(linked.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length ?? -1;
        return length is not null;
    }
}
