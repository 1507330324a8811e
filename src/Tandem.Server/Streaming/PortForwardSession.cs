using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Tandem.Server.Spdy;

namespace Tandem.Server.Streaming;

/// <summary>
/// Port-forward over a SPDY session, plain or tunnelled in a WebSocket (spec §12.3). For each local connection
/// kubectl opens an <c>error</c> and a <c>data</c> stream with the same <c>requestid</c> and the pod <c>port</c>; the pair
/// is connected to that port in the pod and the bytes copied both ways with half-closes. A failure is written on the
/// error stream as plain text (kubectl then ends the whole port-forward, as it does with a real cluster).
/// </summary>
internal sealed partial class PortForwardSession(SpdySession session, IPodStreams pods, PodStreamTarget target, ILogger logger)
{
    private readonly Dictionary<string, (SpdyStream? Error, SpdyStream? Data)> _pending = new(StringComparer.Ordinal);
    private readonly List<Task> _forwards = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var over = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await foreach (var stream in session.Streams.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await AddAsync(stream, over.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        // The connection is gone: whatever is still copying has no one to copy to.
        await over.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_forwards).ConfigureAwait(false);
    }

    private async ValueTask AddAsync(SpdyStream stream, CancellationToken cancellationToken)
    {
        var type = stream.Headers["streamtype"];
        var id = stream.Headers["requestid"] ?? "";
        if (type is not ("error" or "data"))
        {
            await stream.ResetAsync(SpdyResetStatus.RefusedStream, cancellationToken).ConfigureAwait(false);
            return;
        }
        var pair = _pending.GetValueOrDefault(id);
        pair = type == "error" ? pair with { Error = stream } : pair with { Data = stream };
        if (pair is { Error: { } error, Data: { } data })
        {
            _pending.Remove(id);
            _forwards.Add(Task.Run(() => ForwardAsync(error, data, cancellationToken), CancellationToken.None));
        }
        else
        {
            _pending[id] = pair;
        }
    }

    private async Task ForwardAsync(SpdyStream error, SpdyStream data, CancellationToken cancellationToken)
    {
        var portText = data.Headers["port"] ?? error.Headers["port"];
        try
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                await FailAsync(error, data, $"invalid port \"{portText}\"", cancellationToken).ConfigureAwait(false);
                return;
            }
            Stream connection;
            try
            {
                connection = await pods.PortForwardAsync(target, port, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The kubelet's wording (pkg/kubelet/cri/streaming/portforward/httpstream.go).
                var message = $"error forwarding port {port} to pod {target.Pod}_{target.Namespace}, uid {target.PodUid}: {e.Message}";
                await FailAsync(error, data, message, cancellationToken).ConfigureAwait(false);
                return;
            }
            await using (connection.ConfigureAwait(false))
            {
                await CopyAsync(connection, error, data, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            Log.ForwardEnded(logger, target.Pod, portText, e.Message);
        }
        finally
        {
            await error.DisposeAsync().ConfigureAwait(false);
            await data.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(Stream connection, SpdyStream error, SpdyStream data, CancellationToken cancellationToken)
    {
        var up = Task.Run(async () =>
        {
            await data.CopyToAsync(connection, 64 * 1024, cancellationToken).ConfigureAwait(false);
            // The client's FIN on the data stream: no more bytes for the pod, but its answer may still come.
            if (connection is NetworkStream network)
            {
                network.Socket.Shutdown(SocketShutdown.Send);
            }
        }, CancellationToken.None);
        await connection.CopyToAsync(data, 64 * 1024, cancellationToken).ConfigureAwait(false);
        await data.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
        await error.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
        // The client resets the data stream once it has read our FIN, which ends the copy towards the pod.
        await up.ConfigureAwait(false);
    }

    private static async Task FailAsync(SpdyStream error, SpdyStream data, string message, CancellationToken cancellationToken)
    {
        await error.WriteAsync(Encoding.UTF8.GetBytes(message), cancellationToken).ConfigureAwait(false);
        await error.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
        await data.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Port-forward to port {Port} of pod {Pod} ended: {Reason}")]
        public static partial void ForwardEnded(ILogger logger, string pod, string? port, string reason);
    }
}
