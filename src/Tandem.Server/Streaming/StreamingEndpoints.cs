using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tandem.Model.Meta;
using Tandem.Server.Spdy;

namespace Tandem.Server.Streaming;

/// <summary>
/// The request handling shared by the streaming routes: pick the transport, run the checks that must answer with a
/// JSON <see cref="Status"/> before any upgrade (kubectl falls back from WebSocket to SPDY on any non-101 and prints the
/// last attempt's Status, spec §11.2), then upgrade and hand the connection to the protocol.
/// </summary>
internal sealed partial class StreamingEndpoints(IPodStreams pods, ILogger logger)
{
    public const string PortForwardProtocol = "portforward.k8s.io";
    public const string TunnelledPortForwardProtocol = "SPDY/3.1+portforward.k8s.io";

    public async Task RemoteCommandAsync(HttpContext context, PodStreamKind kind)
    {
        var options = RemoteCommandOptions.Parse(context.Request.Query);
        var webSocket = UpgradeRequest.IsWebSocket(context);
        if (!webSocket && !UpgradeRequest.IsSpdy(context) || !UpgradeRequest.CanUpgrade(context))
        {
            await StreamStatus.WriteAsync(context, StreamStatus.BadRequest("Upgrade request required")).ConfigureAwait(false);
            return;
        }
        if (options.Validate(kind) is { } invalid)
        {
            await StreamStatus.WriteAsync(context, invalid).ConfigureAwait(false);
            return;
        }
        var target = Resolve(context, kind, options.Container, options.Stdin, options.Tty);
        if (target.Error is { } error)
        {
            await StreamStatus.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }
        if (webSocket)
        {
            var protocol = UpgradeRequest.Choose(UpgradeRequest.ListValues(context.Request.Headers, "Sec-WebSocket-Protocol"), WebSocketRemoteCommand.Protocols);
            if (protocol is null)
            {
                await RefuseAsync(context, WebSocketRemoteCommand.Protocols, "Sec-WebSocket-Protocol").ConfigureAwait(false);
                return;
            }
            Log.Upgrading(logger, kind, target.Target!.Pod, protocol);
            using var socket = await UpgradeRequest.AcceptWebSocketAsync(context, protocol).ConfigureAwait(false);
            await new WebSocketRemoteCommand(socket, protocol).RunAsync(pods, kind, target.Target!, options, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var version = UpgradeRequest.Choose(UpgradeRequest.ListValues(context.Request.Headers, "X-Stream-Protocol-Version"), SpdyRemoteCommand.Protocols);
        if (version is null)
        {
            await RefuseAsync(context, SpdyRemoteCommand.Protocols, "X-Stream-Protocol-Version").ConfigureAwait(false);
            return;
        }
        Log.Upgrading(logger, kind, target.Target!.Pod, version);
        var transport = await UpgradeRequest.AcceptSpdyAsync(context, version).ConfigureAwait(false);
        await using (transport.ConfigureAwait(false))
        {
            await SpdyRemoteCommand.RunAsync(transport, version, pods, kind, target.Target!, options, logger, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public async Task PortForwardAsync(HttpContext context)
    {
        var webSocket = UpgradeRequest.IsWebSocket(context);
        if (!webSocket && !UpgradeRequest.IsSpdy(context) || !UpgradeRequest.CanUpgrade(context))
        {
            await StreamStatus.WriteAsync(context, StreamStatus.BadRequest("Upgrade request required")).ConfigureAwait(false);
            return;
        }
        var target = Resolve(context, PodStreamKind.PortForward, null, false, false);
        if (target.Error is { } error)
        {
            await StreamStatus.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }
        string[] supported = webSocket ? [TunnelledPortForwardProtocol] : [PortForwardProtocol];
        var header = webSocket ? "Sec-WebSocket-Protocol" : "X-Stream-Protocol-Version";
        var protocol = UpgradeRequest.Choose(UpgradeRequest.ListValues(context.Request.Headers, header), supported);
        if (protocol is null)
        {
            await RefuseAsync(context, supported, header).ConfigureAwait(false);
            return;
        }
        Log.Upgrading(logger, PodStreamKind.PortForward, target.Target!.Pod, protocol);
        if (webSocket)
        {
            using var socket = await UpgradeRequest.AcceptWebSocketAsync(context, protocol).ConfigureAwait(false);
            await ForwardAsync(new WebSocketByteStream(socket), target.Target!, context.RequestAborted).ConfigureAwait(false);
            await CloseAsync(socket).ConfigureAwait(false);
            return;
        }
        var transport = await UpgradeRequest.AcceptSpdyAsync(context, protocol).ConfigureAwait(false);
        await using (transport.ConfigureAwait(false))
        {
            await ForwardAsync(transport, target.Target!, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task ForwardAsync(Stream transport, PodStreamTarget target, CancellationToken cancellationToken)
    {
        await using var session = new SpdySession(transport, logger);
        session.Start();
        await new PortForwardSession(session, pods, target, logger).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tunnel ends with the client's Close 1000 (spec §12.2); answer it, or give up after a moment.</summary>
    private static async Task CloseAsync(System.Net.WebSockets.WebSocket socket)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (socket.State is System.Net.WebSockets.WebSocketState.Open or System.Net.WebSockets.WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, limit.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
        {
            // Already gone.
        }
        socket.Abort();
    }

    private PodStreamResolution Resolve(HttpContext context, PodStreamKind kind, string? container, bool stdin, bool tty)
    {
        var request = new PodStreamRequest(kind, (string)context.Request.RouteValues["namespace"]!, (string)context.Request.RouteValues["name"]!, container, stdin, tty);
        return pods.Resolve(request);
    }

    /// <summary>No protocol in common: 403 with the ones we speak, as the kubelet's <c>httpstream.Handshake</c> answers.</summary>
    private static async Task RefuseAsync(HttpContext context, IReadOnlyList<string> supported, string header)
    {
        foreach (var protocol in supported)
        {
            context.Response.Headers.Append("X-Accepted-Stream-Protocol-Versions", protocol);
        }
        var offered = string.Join(", ", UpgradeRequest.ListValues(context.Request.Headers, header));
        await StreamStatus.WriteAsync(context, StreamStatus.Forbidden(
            $"unable to upgrade: unable to negotiate protocol: client supports [{offered}], server supports [{string.Join(", ", supported)}]")).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Upgrading {Kind} of pod {Pod} to {Protocol}")]
        public static partial void Upgrading(ILogger logger, PodStreamKind kind, string pod, string protocol);
    }
}
