using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Observability;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Metrics_CountRequestsByRouteAndStatusClass_WithLatencyAndErrors()
    {
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = ctx.Request.Path == "/missing" ? 404 : 200;
            return Task.CompletedTask;
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: web
                upstreams: [{backend.Address}]
              - name: down
                pathPrefix: /down
                upstreams: [http://127.0.0.1:1]
            """);
        using var client = proxy.CreateClient();
        await client.GetAsync("/");
        await client.GetAsync("/");
        await client.GetAsync("/missing");
        await client.GetAsync("/down");

        using var admin = new HttpClient { BaseAddress = proxy.Host.AdminAddress };
        var text = await admin.GetStringAsync("/metrics");

        Assert.Contains("tandem_proxy_requests_total{code=\"2xx\",route=\"web\"} 2\n", text);
        Assert.Contains("tandem_proxy_requests_total{code=\"4xx\",route=\"web\"} 1\n", text);
        Assert.Contains("tandem_proxy_requests_total{code=\"5xx\",route=\"down\"} 1\n", text);
        Assert.Contains("tandem_proxy_request_duration_seconds_count{code=\"2xx\",route=\"web\"} 2\n", text);
        Assert.Contains("tandem_proxy_upstream_errors_total{kind=\"connect\",route=\"down\"} 1\n", text);
        Assert.Contains("tandem_proxy_requests_in_flight{route=\"web\"} 0\n", text);
    }

    [Fact]
    public async Task AccessLog_WritesOneJsonLinePerRequest_WithTheTraceId()
    {
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        // Not the proxy's own directory: that one is removed when the proxy is disposed.
        using var logs = new TempDirectory();
        var log = logs.File("access.log");
        var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            accessLog:
              path: {log}
            routes:
              - name: web
                upstreams: [{backend.Address}]
            """);
        await using (proxy)
        {
            using var client = proxy.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/page?q=1");
            request.Headers.TryAddWithoutValidation("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            await client.SendAsync(request);
        }

        var line = Assert.Single(File.ReadAllLines(log));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("GET", root.GetProperty("method").GetString());
        Assert.Equal("/page", root.GetProperty("path").GetString());
        Assert.Equal(200, root.GetProperty("status").GetInt32());
        Assert.Equal("web", root.GetProperty("route").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", root.GetProperty("trace_id").GetString());
        Assert.Equal("127.0.0.1", root.GetProperty("client_ip").GetString());
        Assert.True(root.GetProperty("duration_ms").GetDouble() >= 0);
    }
}
