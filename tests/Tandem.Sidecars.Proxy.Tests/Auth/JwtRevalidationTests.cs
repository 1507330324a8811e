using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Auth;

/// <summary>
/// A token accepted once is remembered (one signature check per token, not per request), but the
/// memory never widens what is accepted: not past the token's expiry, not after its key left the JWKS.
/// </summary>
public sealed class JwtRevalidationTests : IAsyncLifetime
{
    private readonly TestIssuer _issuer = new();
    private readonly TempDirectory _directory = new();
    private TestBackend? _backend;
    private RunningProxy? _proxy;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        File.WriteAllText(_directory.File("jwks.json"), _issuer.Jwks);
        _backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        _proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            auth:
              jwt:
                issuer: {TestIssuer.Issuer}
                audiences: [orders]
                jwksFile: jwks.json
                jwksRefresh: 1s
                clockSkew: 0s
            routes:
              - name: orders
                upstreams: [{_backend.Address}]
                auth: {"{ require: jwt }"}
            """, _directory);
        _client = _proxy.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _proxy!.DisposeAsync();
        await _backend!.DisposeAsync();
        _issuer.Dispose();
    }

    [Fact]
    public async Task AnAcceptedToken_IsRefusedOnceItExpires()
    {
        // JWT times are whole seconds: expire at the start of a second at least 2 s ahead.
        var now = DateTime.UtcNow;
        var expires = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(3);
        var token = _issuer.Rs256("u", expires: expires);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(token)).StatusCode);

        await Task.Delay(expires - DateTime.UtcNow + TimeSpan.FromMilliseconds(300));
        var late = await SendAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAcceptedToken_IsRefusedOnceItsKeyIsNoLongerPublished()
    {
        var token = _issuer.Rs256("u");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(token)).StatusCode);

        // The issuer rotates: the JWKS now holds other keys (same key ids, other key material).
        using var rotated = new TestIssuer();
        File.WriteAllText(_directory.File("jwks.json"), rotated.Jwks);

        var refused = false;
        for (var attempt = 0; attempt < 50 && !refused; attempt++)
        {
            await Task.Delay(100);
            refused = (await SendAsync(token)).StatusCode == HttpStatusCode.Unauthorized;
        }
        Assert.True(refused, "the token signed with the withdrawn key was still accepted 5 s after the JWKS changed (refresh: 1 s)");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(rotated.Rs256("u"))).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client!.SendAsync(request);
    }
}
