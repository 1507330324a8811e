using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Observability;

public sealed class TracingTests
{
    private const string CallerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpan = "00f067aa0ba902b7";
    private const string UnsampledTrace = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public async Task Otlp_ExportsOneServerSpanPerSampledRequest_InTheCallersTrace_AsTheAppsParent()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var forwarded = new List<string>();
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            lock (forwarded)
            {
                forwarded.Add(ctx.Request.Headers["traceparent"].ToString());
            }
            ctx.Response.StatusCode = ctx.Request.Path == "/fail" ? 503 : 200;
            return ctx.Response.WriteAsync("ok");
        });
        var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            tracing:
              endpoint: {receiver.TracesUrl}
              protocol: http/protobuf
              serviceName: shop-proxy
            routes:
              - name: shop
                upstreams: [{backend.Address}]
            """);
        try
        {
            using var client = proxy.CreateClient();
            await SendAsync(client, "/cart?item=1", $"00-{CallerTrace}-{CallerSpan}-01");
            // The caller decided not to sample: the trace is propagated, nothing is recorded.
            await SendAsync(client, "/cart", $"00-{UnsampledTrace}-{CallerSpan}-00");
            await SendAsync(client, "/fail", null);
        }
        finally
        {
            // Disposing is the drain's last step: spans still batched are exported before it returns.
            await proxy.DisposeAsync();
        }

        Assert.Equal(3, forwarded.Count);
        Assert.All(receiver.ContentTypes, type => Assert.Equal("application/x-protobuf", type));
        Assert.Equal(2, receiver.Spans.Count);

        var span = Assert.Single(receiver.Spans, s => s.TraceId == CallerTrace);
        Assert.Equal(CallerSpan, span.ParentSpanId);
        Assert.Equal($"00-{CallerTrace}-{span.SpanId}-01", forwarded[0]);
        Assert.Equal("GET shop", span.Name);
        Assert.Equal(2, span.Kind);
        Assert.Equal("shop-proxy", span.ServiceName);
        Assert.Equal("200", span.Attributes["http.response.status_code"]);
        Assert.Equal("/cart", span.Attributes["url.path"]);
        Assert.Equal(backend.Address.Authority, span.Attributes["tandem.proxy.upstream"]);

        Assert.Matches($"^00-{UnsampledTrace}-[0-9a-f]{{16}}-00$", forwarded[1]);
        Assert.DoesNotContain(receiver.Spans, s => s.TraceId == UnsampledTrace);

        // No traceparent: the proxy starts the trace, and its span is the root.
        var root = Assert.Single(receiver.Spans, s => s.TraceId != CallerTrace);
        Assert.Equal("", root.ParentSpanId);
        Assert.Equal($"00-{root.TraceId}-{root.SpanId}-01", forwarded[2]);
        Assert.Equal("503", root.Attributes["http.response.status_code"]);
    }

    private static async Task SendAsync(HttpClient client, string path, string? traceParent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsStringAsync();
    }
}
