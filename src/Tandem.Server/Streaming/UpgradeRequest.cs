using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tandem.Server.Streaming;

/// <summary>
/// The two ways kubectl upgrades a streaming request: a WebSocket handshake (GET, <c>Upgrade: websocket</c>) or
/// SPDY/3.1 (POST, <c>Upgrade: SPDY/3.1</c>). The handshake is done here on Kestrel's raw upgrade so this code, not a
/// middleware, decides the 101's headers: kubectl needs its subprotocol echoed exactly (spec §11.3, §12.2).
/// </summary>
internal static class UpgradeRequest
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static bool IsWebSocket(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && HasToken(context.Request.Headers.Upgrade, "websocket");

    public static bool IsSpdy(HttpContext context) => HasToken(context.Request.Headers.Upgrade, "SPDY/3.1");

    /// <summary>Values of a header that may repeat and may hold comma-separated lists (<c>httpstream.Handshake</c>).</summary>
    public static IReadOnlyList<string> ListValues(IHeaderDictionary headers, string name) =>
        [.. headers[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>The first protocol the client offers that the server supports, in the client's order.</summary>
    public static string? Choose(IReadOnlyList<string> offered, IReadOnlyList<string> supported) =>
        offered.FirstOrDefault(o => supported.Contains(o, StringComparer.OrdinalIgnoreCase));

    /// <summary>Answers 101 with the chosen subprotocol and returns the server end of the WebSocket.</summary>
    public static async Task<WebSocket> AcceptWebSocketAsync(HttpContext context, string protocol)
    {
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + WebSocketGuid)));
        var headers = context.Response.Headers;
        headers.Connection = "Upgrade";
        headers.Upgrade = "websocket";
        headers.SecWebSocketAccept = accept;
        headers.SecWebSocketProtocol = protocol;
        var stream = await Upgrade(context).UpgradeAsync().ConfigureAwait(false);
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
        {
            IsServer = true,
            // SubProtocol stays unset: it is only informational, and .NET rejects the '/' of the port-forward tunnel's
            // "SPDY/3.1+portforward.k8s.io" (not an RFC 7230 token), though kubectl requires exactly that name.
            // kubectl pings us (every 5 s) and .NET answers; our own pings are optional (spec §11.3).
            KeepAliveInterval = TimeSpan.Zero,
        });
    }

    /// <summary>Answers 101 for SPDY/3.1 with the negotiated <c>X-Stream-Protocol-Version</c> and returns the raw connection.</summary>
    public static async Task<Stream> AcceptSpdyAsync(HttpContext context, string protocol)
    {
        var headers = context.Response.Headers;
        headers.Connection = "Upgrade";
        headers.Upgrade = "SPDY/3.1";
        headers["X-Stream-Protocol-Version"] = protocol;
        return await Upgrade(context).UpgradeAsync().ConfigureAwait(false);
    }

    public static bool CanUpgrade(HttpContext context) => context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true;

    private static IHttpUpgradeFeature Upgrade(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } feature
            ? feature
            : throw new InvalidOperationException("the request cannot be upgraded");

    private static bool HasToken(Microsoft.Extensions.Primitives.StringValues values, string token) =>
        values.Any(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(token, StringComparer.OrdinalIgnoreCase));
}
