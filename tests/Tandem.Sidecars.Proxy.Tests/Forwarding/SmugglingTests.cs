using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Forwarding;

/// <summary>
/// Requests that parse differently in two HTTP implementations are how requests are smuggled past
/// a proxy. The proxy must refuse each with a 4xx and never forward anything of it to the app.
/// </summary>
public sealed class SmugglingTests : IAsyncLifetime
{
    private int _appRequests;
    private TestBackend? _backend;
    private RunningProxy? _proxy;

    private int Port => _proxy!.Host.HttpEndpoint!.Port;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync(ctx =>
        {
            Interlocked.Increment(ref _appRequests);
            return ctx.Response.WriteAsync("app");
        });
        _proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            limits:
              maxRequestHeaderBytes: 8192
            routes:
              - name: app
                upstreams: [{_backend.Address}]
            """);
    }

    public async Task DisposeAsync()
    {
        await _proxy!.DisposeAsync();
        await _backend!.DisposeAsync();
    }

    [Fact]
    public async Task WellFormedRequest_IsForwarded()
    {
        var status = await RawHttp.SendAsync(Port, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");

        Assert.Equal(200, status);
        Assert.Equal(1, _appRequests);
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n", "Content-Length with Transfer-Encoding")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 40\r\n\r\nhello", "two different Content-Length values")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n", "a transfer coding that is not chunked")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n", "chunked not last")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n two\r\n\r\n", "obsolete line folding")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", "a space in a header name")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX-Nul: a\0b\r\n\r\n", "a NUL byte in a header value")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\nX-Bare-LF: 1\r\n\r\n", "a bare LF line ending")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "two Host headers")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", "a negative Content-Length")]
    public async Task AmbiguousRequest_IsRefused_AndNeverReachesTheApp(string request, string why)
    {
        var status = await RawHttp.SendAsync(Port, request);

        Assert.True(status is >= 400 and < 500, $"{why}: expected a 4xx refusal, got {status}");
        Assert.Equal(0, _appRequests);
    }

    [Fact]
    public async Task OversizedHeaders_Get431_AndNeverReachTheApp()
    {
        var status = await RawHttp.SendAsync(Port, $"GET / HTTP/1.1\r\nHost: a\r\nX-Big: {new string('a', 10_000)}\r\n\r\n");

        Assert.Equal(431, status);
        Assert.Equal(0, _appRequests);
    }
}
