using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Forwarding;

public sealed class ProtocolTests
{
    private static string H2cConfig(Uri upstream) => $"""
        listen:
          h2c: 127.0.0.1:0
        routes:
          - name: grpc
            upstreams: [{upstream}]
            upstreamProtocol: http2
            timeout: none
        """;

    private static HttpClient H2cClient(RunningProxy proxy) => new(new SocketsHttpHandler { UseProxy = false })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{proxy.Host.H2cEndpoint!.Port}/"),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    [Fact]
    public async Task Grpc_OverH2c_ForwardsTrailersAndTe()
    {
        string? te = null;
        string? protocol = null;
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            te = ctx.Request.Headers.TE;
            protocol = ctx.Request.Protocol;
            ctx.Response.ContentType = "application/grpc";
            ctx.Response.DeclareTrailer("grpc-status");
            await ctx.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 1, 42 });
            ctx.Response.AppendTrailer("grpc-status", "0");
            ctx.Response.AppendTrailer("grpc-message", "fine");
        }, HttpProtocols.Http2);
        await using var proxy = await RunningProxy.StartAsync(H2cConfig(backend.Address));
        using var client = H2cClient(proxy);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/pkg.Service/Call") { Content = new ByteArrayContent([0, 0, 0, 0, 0]), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("TE", "trailers");

        using var response = await client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(20));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 1, 42 }, body);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("fine", response.TrailingHeaders.GetValues("grpc-message").Single());
        Assert.Equal("trailers", te);
        Assert.Equal("HTTP/2", protocol);
    }

    [Fact]
    public async Task Http2_FullDuplexStream_EchoesEachMessageBeforeTheClientSendsTheNext()
    {
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            // Like a gRPC server: headers first, then one message back per message received.
            await ctx.Response.StartAsync();
            await ctx.Response.Body.FlushAsync();
            var buffer = new byte[64];
            int read;
            while ((read = await ctx.Request.Body.ReadAsync(buffer)) > 0)
            {
                await ctx.Response.Body.WriteAsync(buffer.AsMemory(0, read));
                await ctx.Response.Body.FlushAsync();
            }
        }, HttpProtocols.Http2);
        await using var proxy = await RunningProxy.StartAsync(H2cConfig(backend.Address));
        using var client = H2cClient(proxy);
        var content = new DuplexContent();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = content, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var sending = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var upload = await content.Stream.Task.WaitAsync(TimeSpan.FromSeconds(20));
        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(20));
        var download = await response.Content.ReadAsStreamAsync();
        var echo = new byte[5];
        foreach (var message in new[] { "ping1", "ping2", "ping3" })
        {
            await upload.WriteAsync(Encoding.ASCII.GetBytes(message));
            await upload.FlushAsync();
            // The echo of this message must arrive while the request is still open: nothing buffers.
            await download.ReadExactlyAsync(echo).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(message, Encoding.ASCII.GetString(echo));
        }
        content.Finish();
        // The end of the request reaches the app, whose loop ends, which ends the response.
        Assert.Equal(0, await download.ReadAsync(echo).AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task WebSocket_UpgradeIsTunnelled_BothWays()
    {
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[1024];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }
                var reply = Encoding.UTF8.GetBytes("echo:" + Encoding.UTF8.GetString(buffer, 0, received.Count));
                await socket.SendAsync(reply, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }, webSockets: true);
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: ws
                upstreams: [{backend.Address}]
            """);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{proxy.Host.HttpEndpoint!.Port}/socket"), CancellationToken.None);

        var buffer = new byte[1024];
        foreach (var text in new[] { "one", "two" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("echo:" + text, Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    /// <summary>Request content whose stream the test writes to while the response is being read.</summary>
    private sealed class DuplexContent : HttpContent
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<Stream> Stream { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish() => _done.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Send the request headers now, as a gRPC client does, rather than with the first message.
            await stream.FlushAsync();
            Stream.TrySetResult(stream);
            await _done.Task;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
