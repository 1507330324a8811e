using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Auth;

public sealed class AuthTests : IAsyncLifetime
{
    private const string Key = "k3y-for-ci";
    private readonly TestIssuer _issuer = new();
    private readonly TempDirectory _directory = new();
    private Dictionary<string, string>? _seen;
    private TestBackend? _backend;
    private RunningProxy? _proxy;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(_directory.File("jwks.json"), _issuer.Jwks);
        _backend = await TestBackend.StartAsync(ctx =>
        {
            _seen = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            return ctx.Response.WriteAsync("ok");
        });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
        _proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            auth:
              apiKeys:
                - name: ci
                  sha256: {hash}
              jwt:
                issuer: {TestIssuer.Issuer}
                audiences: [orders]
                jwksFile: jwks.json
                jwksRefresh: 1s
                clockSkew: 0s
            routes:
              - name: public
                pathPrefix: /public
                upstreams: [{_backend.Address}]
              - name: keyed
                pathPrefix: /keyed
                upstreams: [{_backend.Address}]
                auth: {"{ require: apiKey }"}
              - name: orders
                pathPrefix: /orders
                upstreams: [{_backend.Address}]
                auth:
                  require: jwt
                  methods: [GET, POST]
                  scopes: [orders.read]
                  claims: {"{ tenant: acme }"}
              - name: either
                pathPrefix: /either
                upstreams: [{_backend.Address}]
                auth: {"{ require: any }"}
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
    public async Task ApiKeyRoute_RefusesMissingAndWrongKeys_AndNamesTheCallerToTheApp()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/keyed")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/keyed", apiKey: "guess")).StatusCode);

        var response = await SendAsync("/keyed", apiKey: Key, spoof: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ci", _seen!["x-tandem-caller"]);
        Assert.Equal("apikey", _seen["x-tandem-auth"]);
        Assert.False(_seen.ContainsKey("x-tandem-admin"));
    }

    [Fact]
    public async Task IdentityHeadersFromTheClient_AreStripped_EvenOnOpenRoutes()
    {
        var response = await SendAsync("/public", spoof: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_seen!.Keys, k => k.StartsWith("x-tandem-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    public async Task ValidJwt_IsAccepted_AndTheSubjectAndScopesReachTheApp(string algorithm)
    {
        var claims = new Dictionary<string, object> { ["scope"] = "orders.read orders.write", ["tenant"] = "acme" };
        var token = algorithm == "RS256" ? _issuer.Rs256("user-7", claims: claims) : _issuer.Es256("user-7", claims: claims);

        var response = await SendAsync("/orders/1", bearer: token, spoof: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("user-7", _seen!["x-tandem-caller"]);
        Assert.Equal("jwt", _seen["x-tandem-auth"]);
        Assert.Equal("orders.read orders.write", _seen["x-tandem-scopes"]);
    }

    [Fact]
    public async Task BadTokens_AreRefusedWith401_AndTheReason()
    {
        var claims = new Dictionary<string, object> { ["scope"] = "orders.read", ["tenant"] = "acme" };
        var good = _issuer.Rs256("u", claims: claims);
        var cases = new Dictionary<string, string>
        {
            ["wrong audience"] = _issuer.Rs256("u", audience: "billing", claims: claims),
            ["token expired"] = _issuer.Rs256("u", claims: claims, expires: DateTime.UtcNow.AddMinutes(-5)),
            ["algorithm not allowed"] = TestIssuer.Hs256("u"),
            ["bad signature"] = good[..^4] + (good[^4..] == "AAAA" ? "BBBB" : "AAAA"),
            ["invalid token"] = "not.a.jwt",
        };
        foreach (var (reason, token) in cases)
        {
            var response = await SendAsync("/orders", bearer: token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()), reason);
        }
        Assert.Null(_seen);
    }

    [Fact]
    public async Task RouteRules_MissingScopeOrClaimIs403_AndOtherMethodsAre405()
    {
        var noScope = _issuer.Rs256("u", claims: new Dictionary<string, object> { ["scope"] = "orders.write", ["tenant"] = "acme" });
        var otherTenant = _issuer.Rs256("u", claims: new Dictionary<string, object> { ["scope"] = "orders.read", ["tenant"] = "globex" });
        var good = _issuer.Rs256("u", claims: new Dictionary<string, object> { ["scope"] = "orders.read", ["tenant"] = "acme" });

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("/orders", bearer: noScope)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("/orders", bearer: otherTenant)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await SendAsync("/orders", bearer: good, method: HttpMethod.Delete)).StatusCode);
        Assert.Null(_seen);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/orders", bearer: good, method: HttpMethod.Post)).StatusCode);
    }

    [Fact]
    public async Task AnyRoute_AcceptsEitherCredential()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/either")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/either", apiKey: Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/either", bearer: _issuer.Es256("svc"))).StatusCode);
        Assert.Equal("svc", _seen!["x-tandem-caller"]);
    }

    [Fact]
    public async Task JwksUrl_IsFetchedOnce_AndCached()
    {
        var fetches = 0;
        await using var jwks = await TestBackend.StartAsync(ctx =>
        {
            Interlocked.Increment(ref fetches);
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync(_issuer.Jwks);
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            auth:
              jwt:
                issuer: {TestIssuer.Issuer}
                audiences: [orders]
                jwksUrl: {jwks.Address}jwks.json
            routes:
              - name: orders
                upstreams: [{_backend!.Address}]
                auth: {"{ require: jwt }"}
            """);
        using var client = proxy.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Rs256("u" + i));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(1, fetches);
    }

    /// <summary>An accepted token is remembered (one signature check per token), but never past its expiry.</summary>
    [Fact]
    public async Task AnAcceptedToken_IsRefusedOnceItExpires()
    {
        // JWT times are whole seconds: expire at the start of a second at least 2 s ahead.
        var now = DateTime.UtcNow;
        var expires = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(3);
        var token = _issuer.Rs256("u", claims: OrdersClaims, expires: expires);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/orders", bearer: token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/orders", bearer: token)).StatusCode);

        await Task.Delay(expires - DateTime.UtcNow + TimeSpan.FromMilliseconds(300));
        var late = await SendAsync("/orders", bearer: token);
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>An accepted token is remembered only while the JWKS it was checked against is current.</summary>
    [Fact]
    public async Task AnAcceptedToken_IsRefusedOnceItsKeyIsNoLongerPublished()
    {
        var token = _issuer.Rs256("u", claims: OrdersClaims);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/orders", bearer: token)).StatusCode);

        // The issuer rotates: the JWKS now holds other keys (same key ids, other key material).
        using var rotated = new TestIssuer();
        File.WriteAllText(_directory.File("jwks.json"), rotated.Jwks);

        var refused = false;
        for (var attempt = 0; attempt < 50 && !refused; attempt++)
        {
            await Task.Delay(100);
            refused = (await SendAsync("/orders", bearer: token)).StatusCode == HttpStatusCode.Unauthorized;
        }
        Assert.True(refused, "the token signed with the withdrawn key was still accepted 5 s after the JWKS changed (refresh: 1 s)");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/orders", bearer: rotated.Rs256("u", claims: OrdersClaims))).StatusCode);
    }

    private static Dictionary<string, object> OrdersClaims => new() { ["scope"] = "orders.read", ["tenant"] = "acme" };

    private async Task<HttpResponseMessage> SendAsync(string path, string? apiKey = null, string? bearer = null, bool spoof = false, HttpMethod? method = null)
    {
        _seen = null;
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (spoof)
        {
            request.Headers.Add("x-tandem-caller", "admin");
            request.Headers.Add("X-Tandem-Admin", "true");
            request.Headers.Add("x-tandem-auth", "apikey");
        }
        return await Client.SendAsync(request);
    }
}
