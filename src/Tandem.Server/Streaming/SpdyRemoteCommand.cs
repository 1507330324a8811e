using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tandem.Model.Meta;
using Tandem.Runtime;
using Tandem.Server.Spdy;

namespace Tandem.Server.Streaming;

/// <summary>
/// Exec and attach over SPDY/3.1 (kubectl 1.27–1.29 by default, the fallback of later versions; spec §11.4). The
/// client opens one stream per channel, named by its <c>streamtype</c> header; the command starts once every stream
/// the query implies has arrived. At the end stdout and stderr get FIN, then the error stream carries the outcome
/// (a JSON Status from v4 on, plain text before) and its FIN.
/// </summary>
internal static class SpdyRemoteCommand
{
    /// <summary>Newest first: the first one the client also offers wins. Over SPDY, v5 behaves exactly like v4.</summary>
    public static readonly IReadOnlyList<string> Protocols = ["v5.channel.k8s.io", "v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io", "channel.k8s.io"];

    /// <summary>How long the client has to open its streams (the kubelet's stream creation timeout).</summary>
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(Stream transport, string protocol, IPodStreams pods, PodStreamKind kind, PodStreamTarget target,
        RemoteCommandOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        await using var session = new SpdySession(transport, logger);
        session.Start();
        var statusAsJson = protocol is "v5.channel.k8s.io" or "v4.channel.k8s.io";
        var resizable = statusAsJson || protocol == "v3.channel.k8s.io";
        var expected = Expected(options, resizable);
        var streams = await AcceptAsync(session, expected, cancellationToken).ConfigureAwait(false);
        if (streams is null)
        {
            return;
        }
        using var clientGone = new CancellationTokenSource();
        _ = session.Completion.ContinueWith(_ => clientGone.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, clientGone.Token);
        var resize = Channel.CreateUnbounded<TerminalSize>();
        using var finished = new CancellationTokenSource();
        var resizing = streams.TryGetValue("resize", out var resizeStream) ? ReadResizesAsync(resizeStream, resize.Writer, finished.Token) : Task.CompletedTask;
        var io = new StreamingIo
        {
            Stdin = streams.GetValueOrDefault("stdin"),
            Stdout = streams.GetValueOrDefault("stdout"),
            Stderr = streams.GetValueOrDefault("stderr"),
            Tty = options.Tty,
            Resize = options.Tty ? resize.Reader : null,
        };
        try
        {
            var status = await RemoteCommandRunner.RunAsync(pods, kind, target, options, io, running.Token).ConfigureAwait(false);
            foreach (var name in (string[])["stdout", "stderr"])
            {
                if (streams.TryGetValue(name, out var output))
                {
                    await output.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            var error = streams["error"];
            var report = statusAsJson ? StreamStatus.ToJson(status) : LegacyReport(status);
            if (report.Length > 0)
            {
                await error.WriteAsync(report, cancellationToken).ConfigureAwait(false);
            }
            await error.CloseWriteAsync(cancellationToken).ConfigureAwait(false);
            // The client answers with RST_STREAM for each stream and GOAWAY, then hangs up.
            await Task.WhenAny(session.Completion, Task.Delay(CloseWait, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && clientGone.IsCancellationRequested)
        {
            // The client left before the end: nothing to report to.
        }
        await finished.CancelAsync().ConfigureAwait(false);
        await resizing.ConfigureAwait(false);
    }

    private static HashSet<string> Expected(RemoteCommandOptions options, bool resizable)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal) { "error" };
        if (options.Stdin)
        {
            expected.Add("stdin");
        }
        if (options.Stdout)
        {
            expected.Add("stdout");
        }
        if (options.Stderr)
        {
            expected.Add("stderr");
        }
        if (options.Tty && resizable)
        {
            expected.Add("resize");
        }
        return expected;
    }

    /// <summary>Collects the expected streams by type; null if the client hung up or took too long.</summary>
    private static async Task<Dictionary<string, SpdyStream>?> AcceptAsync(SpdySession session, HashSet<string> expected, CancellationToken cancellationToken)
    {
        var streams = new Dictionary<string, SpdyStream>(StringComparer.Ordinal);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StreamWait);
        try
        {
            while (streams.Count < expected.Count && await session.Streams.WaitToReadAsync(limit.Token).ConfigureAwait(false))
            {
                while (session.Streams.TryRead(out var stream))
                {
                    var type = stream.Headers["streamtype"];
                    if (type is not null && expected.Contains(type))
                    {
                        streams[type] = stream;
                    }
                    else
                    {
                        await stream.ResetAsync(SpdyResetStatus.RefusedStream, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        return streams.Count == expected.Count ? streams : null;
    }

    /// <summary>Before v4 the error stream carries only a failure's message; an empty stream means success.</summary>
    private static byte[] LegacyReport(Status status) =>
        status.Outcome == "Success" ? [] : Encoding.UTF8.GetBytes(status.Message ?? "error");

    /// <summary>The resize stream: newline-delimited JSON sizes, as Go's json.Encoder writes them.</summary>
    private static async Task ReadResizesAsync(Stream stream, ChannelWriter<TerminalSize> sizes, CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        var buffer = new byte[1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                pending.AddRange(buffer.AsSpan(0, read));
                int newline;
                while ((newline = pending.IndexOf((byte)'\n')) >= 0)
                {
                    if (TerminalSizeDecoder.Decode(pending.GetRange(0, newline).ToArray()) is { } size)
                    {
                        sizes.TryWrite(size);
                    }
                    pending.RemoveRange(0, newline + 1);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The session ended.
        }
        finally
        {
            sizes.TryComplete();
        }
    }
}
