using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Tandem.Model.Meta;
using Tandem.Model.Serialization;

namespace Tandem.Cli.Api;

/// <summary>
/// The client side of the <c>v5.channel.k8s.io</c> exec protocol (spec §11.3): every binary message starts with a
/// channel byte (0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize, 255 close); stdin EOF is <c>[255, 0]</c>; the
/// session ends with a Status on channel 3 and a normal close. Returns that Status (Success when none came).
/// </summary>
public sealed class ExecSession(WebSocket socket)
{
    private const byte StdinChannel = 0;
    private const byte StdoutChannel = 1;
    private const byte StderrChannel = 2;
    private const byte StatusChannel = 3;
    private const byte ResizeChannel = 4;
    private const byte CloseChannel = 255;
    private readonly SemaphoreSlim _send = new(1, 1);

    public async Task<Status> RunAsync(Stream? stdin, Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (stdin is not null)
        {
            // Not awaited: a read of the local stdin cannot be interrupted, and the session may end first.
            _ = Task.Run(() => PumpStdinAsync(stdin, stop.Token), CancellationToken.None);
        }
        try
        {
            return await ReceiveAsync(stdout, stderr, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>Tells the remote terminal its size (<c>{"Width":W,"Height":H}</c> on channel 4).</summary>
    public Task ResizeAsync(int width, int height, CancellationToken cancellationToken) =>
        SendAsync(ResizeChannel, Encoding.UTF8.GetBytes($"{{\"Width\":{width},\"Height\":{height}}}"), cancellationToken);

    private async Task<Status> ReceiveAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var status = new MemoryStream();
        try
        {
            while (true)
            {
                var first = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (first.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync();
                    break;
                }
                if (first.Count == 0)
                {
                    continue;
                }
                var channel = buffer[0];
                var target = channel switch { StdoutChannel => stdout, StderrChannel => stderr, StatusChannel => status, _ => Stream.Null };
                await WriteAsync(target, buffer.AsMemory(1, first.Count - 1), cancellationToken);
                var end = first.EndOfMessage;
                while (!end)
                {
                    var next = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    await WriteAsync(target, buffer.AsMemory(0, next.Count), cancellationToken);
                    end = next.EndOfMessage;
                }
            }
        }
        catch (WebSocketException) when (status.Length > 0)
        {
            // The status arrived; a connection dropped after it changes nothing.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (status.Length == 0)
        {
            return new Status { Outcome = "Success" };
        }
        return JsonSerializer.Deserialize(status.ToArray(), KubernetesJsonContext.Default.Status) ?? new Status { Outcome = "Success" };
    }

    private static async Task WriteAsync(Stream target, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (data.Length > 0)
        {
            await target.WriteAsync(data, cancellationToken);
            await target.FlushAsync(cancellationToken);
        }
    }

    private async Task PumpStdinAsync(Stream stdin, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            int read;
            while ((read = await stdin.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await SendAsync(StdinChannel, buffer.AsMemory(0, read), cancellationToken);
            }
            // v5: close the remote stdin so `cat` and friends see EOF.
            await SendAsync(CloseChannel, new[] { StdinChannel }, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // the session is over
        }
    }

    private async Task SendAsync(byte channel, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var message = new byte[payload.Length + 1];
        message[0] = channel;
        payload.CopyTo(message.AsMemory(1));
        await _send.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task CloseQuietlyAsync()
    {
        try
        {
            await _send.WaitAsync();
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // the server already went away
        }
        finally
        {
            _send.Release();
        }
    }
}
