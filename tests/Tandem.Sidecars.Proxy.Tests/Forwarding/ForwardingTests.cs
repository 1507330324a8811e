using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Forwarding;

public sealed class ForwardingTests
{
    private static string Config(Uri upstream, string extra = "") => $"""
        listen:
          http: 127.0.0.1:0
        routes:
          - name: app
            upstreams: [{upstream}]
        {extra}
        """;

    [Fact]
    public async Task Get_IsForwardedWithPathQueryAndBody()
    {
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync($"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}"));
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address));
        using var client = proxy.CreateClient();

        var response = await client.GetAsync("/hello/world?x=1&y=%20z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET /hello/world?x=1&y=%20z", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HopByHopHeaders_AreRemoved_EndToEndHeadersKept()
    {
        Dictionary<string, string>? seen = null;
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            seen = Snapshot(ctx.Request.Headers);
            ctx.Response.Headers["X-App"] = "yes";
            ctx.Response.Headers["Keep-Alive"] = "timeout=5";
            ctx.Response.Headers["X-Private"] = "secret";
            ctx.Response.Headers.Connection = "X-Private";
            return Task.CompletedTask;
        });
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address));
        using var client = proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Connection", "X-Hop");
        request.Headers.TryAddWithoutValidation("X-Hop", "1");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic abc");
        request.Headers.TryAddWithoutValidation("X-End", "2");

        var response = await client.SendAsync(request);

        Assert.NotNull(seen);
        Assert.False(seen!.ContainsKey("X-Hop"));
        Assert.False(seen.ContainsKey("Proxy-Authorization"));
        Assert.Equal("2", seen["X-End"]);
        Assert.Equal("yes", response.Headers.GetValues("X-App").Single());
        Assert.False(response.Headers.Contains("X-Private"));
        Assert.False(response.Headers.Contains("Keep-Alive"));
    }

    [Fact]
    public async Task ForwardedHeaders_DescribeTheClientHop()
    {
        Dictionary<string, string>? seen = null;
        await using var backend = await TestBackend.StartAsync(ctx => { seen = Snapshot(ctx.Request.Headers); return Task.CompletedTask; });
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address));
        using var client = proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");

        await client.SendAsync(request);

        Assert.Equal("203.0.113.9, 127.0.0.1", seen!["X-Forwarded-For"]);
        Assert.Equal("http", seen["X-Forwarded-Proto"]);
        Assert.Equal($"127.0.0.1:{proxy.Host.HttpEndpoint!.Port}", seen["X-Forwarded-Host"]);
        Assert.Equal($"for=127.0.0.1;proto=http;host=\"127.0.0.1:{proxy.Host.HttpEndpoint.Port}\"", seen["Forwarded"]);
        Assert.Equal($"127.0.0.1:{proxy.Host.HttpEndpoint.Port}", seen["Host"]);
    }

    [Fact]
    public async Task Traceparent_KeepsTheTraceId_AndReplacesTheParent()
    {
        string? seen = null;
        await using var backend = await TestBackend.StartAsync(ctx => { seen = ctx.Request.Headers["traceparent"]; return Task.CompletedTask; });
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address));
        using var client = proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        await client.SendAsync(request);
        var traced = seen;
        await client.GetAsync("/");

        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", traced);
        Assert.EndsWith("-01", traced);
        Assert.DoesNotContain("b7ad6b7169203331", traced);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", seen);
        Assert.DoesNotContain("0af7651916cd43dd8448eb211c80319c", seen);
    }

    [Fact]
    public async Task RequestBody_StreamsToTheApp_BeforeTheClientFinishesSending()
    {
        var firstChunkSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            var buffer = new byte[5];
            await ctx.Request.Body.ReadExactlyAsync(buffer);
            firstChunkSeen.TrySetResult();
            var rest = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            await ctx.Response.WriteAsync(Encoding.UTF8.GetString(buffer) + rest);
        });
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address));
        using var client = proxy.CreateClient();
        var releaseRest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var content = new GatedContent("first", releaseRest.Task, "-second");

        var sending = client.PostAsync("/upload", content);
        // The app sees the first chunk while the client still holds back the rest: nothing buffers the whole body.
        await firstChunkSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
        releaseRest.SetResult();
        var response = await sending;

        Assert.Equal("first-second", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ResponseBody_StreamsToTheClient_BeforeTheAppFinishes()
    {
        var releaseRest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            await ctx.Response.WriteAsync("event-1\n");
            await ctx.Response.Body.FlushAsync();
            await releaseRest.Task;
            await ctx.Response.WriteAsync("event-2\n");
        });
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address));
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        releaseRest.SetResult();
        var second = await reader.ReadLineAsync();

        Assert.Equal("event-1", first);
        Assert.Equal("event-2", second);
    }

    [Fact]
    public async Task Routes_MatchByHostThenLongestPathPrefix()
    {
        await using var a = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("a"));
        await using var b = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("b"));
        await using var c = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("c"));
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: default
                upstreams: [{a.Address}]
              - name: api
                pathPrefix: /api
                upstreams: [{b.Address}]
              - name: admin-host
                hosts: [admin.example.com]
                upstreams: [{c.Address}]
            """);
        using var client = proxy.CreateClient();

        async Task<string> Get(string path, string? host = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (host is not null)
            {
                request.Headers.Host = host;
            }
            var response = await client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Equal("a", await Get("/"));
        Assert.Equal("b", await Get("/api"));
        Assert.Equal("b", await Get("/api/users"));
        Assert.Equal("a", await Get("/apix"));
        Assert.Equal("c", await Get("/api/users", "admin.example.com"));
    }

    [Fact]
    public async Task NoMatchingRoute_Is404()
    {
        await using var backend = await TestBackend.StartAsync(ctx => Task.CompletedTask);
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: api
                pathPrefix: /api
                upstreams: [{backend.Address}]
            """);
        using var client = proxy.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/other")).StatusCode);
    }

    [Fact]
    public async Task SeveralUpstreams_ShareTheLoad()
    {
        await using var a = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("a"));
        await using var b = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("b"));
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: app
                upstreams: [{a.Address}, {b.Address}]
            """);
        using var client = proxy.CreateClient();

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.GetStringAsync("/"));
        }

        Assert.Equal(2, answers.Count(x => x == "a"));
        Assert.Equal(2, answers.Count(x => x == "b"));
    }

    [Fact]
    public async Task UpstreamDown_Is502()
    {
        int port;
        await using (var gone = await TestBackend.StartAsync(ctx => Task.CompletedTask))
        {
            port = gone.Address.Port;
        }
        await using var proxy = await RunningProxy.StartAsync(Config(new Uri($"http://127.0.0.1:{port}")));
        using var client = proxy.CreateClient();

        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/")).StatusCode);
    }

    /// <summary>Kestrel reuses a request's header dictionary once the request ends, so tests copy it.</summary>
    internal static Dictionary<string, string> Snapshot(IHeaderDictionary headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends a first part, waits for a signal, then sends the rest (chunked, no length).</summary>
    private sealed class GatedContent(string first, Task gate, string rest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            await gate;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
