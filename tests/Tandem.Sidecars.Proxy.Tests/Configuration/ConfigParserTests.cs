using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Configuration;

public sealed class ConfigParserTests
{
    [Fact]
    public void ConfigWithEveryKindOfMistake_IsRejected_WithEachFieldNamed()
    {
        using var directory = new TempDirectory();
        var result = ConfigParser.Parse("""
            listen:
              http: localhost
              htps: 0.0.0.0:1
            tls:
              certificate: missing.crt
            admin:
              port: 70000
            drain:
              grace: forever
            limits:
              maxConcurrentRequests: 0
            auth:
              apiKeys:
                - name: ci
                  sha256: not-a-hash
                - name: ci
                  sha256: 0000000000000000000000000000000000000000000000000000000000000000
              jwt:
                audiences: []
                algorithms: [HS256]
            rateLimits:
              perClient:
                burst: 0
            tracing:
              endpoint: grpc://collector:4317
              protocol: grpc
            routes:
              - name: "bad name!"
                hosts: ["exa mple.com"]
                pathPrefix: api
                upstreams: ["http://10.1.2.3:80", "nope"]
                upstreamProtocol: http3
                timeout: 5 parsecs
                auth:
                  require: jwt
                  methods: [get]
                retry:
                  attempts: 99
                circuitBreaker:
                  failureRatio: 2
              - name: two
            """, directory.Path);

        Assert.False(result.IsValid);
        var expected = new[]
        {
            "listen.http: must be address:port",
            "listen.htps: unknown field",
            "tls.certificate: file '",
            "tls.key: required",
            "admin.port: must be a whole number from 0 to 65535",
            "drain.grace: must be a duration",
            "limits.maxConcurrentRequests: must be a whole number from 1",
            "auth.apiKeys[0].sha256: must be 64 lowercase hex digits",
            "auth.apiKeys[1].name: duplicate API key name 'ci'",
            "auth.jwt.issuer: required",
            "auth.jwt.audiences: must list at least one audience",
            "auth.jwt.jwksFile: set jwksFile or jwksUrl",
            "auth.jwt.algorithms[0]: 'HS256' is not supported",
            "rateLimits.perClient.requestsPerSecond: required",
            "rateLimits.perClient.burst: must be a whole number from 1",
            "tracing.endpoint: must be an http:// or https:// URL",
            "tracing.protocol: 'grpc' is not supported; use http/protobuf",
            "routes[0].name: 'bad name!' may only hold",
            "routes[0].hosts[0]: 'exa mple.com' is not a host name",
            "routes[0].pathPrefix: must start with '/'",
            "routes[0].upstreams[0]: must point at the pod itself",
            "routes[0].upstreams[1]: must be an http:// or https:// URL",
            "routes[0].upstreamProtocol: must be one of http1, http2",
            "routes[0].timeout: must be a duration",
            "routes[0].auth.methods[0]: 'get' is not an HTTP method",
            "routes[0].retry.attempts: must be a whole number from 1 to 10",
            "routes[0].circuitBreaker.failureRatio: must be a number from 0.01 to 1",
            "routes[1].upstreams: required",
            "tls: required because listen.https is set",
        };
        foreach (var prefix in expected.Where(e => !e.StartsWith("tls: required", StringComparison.Ordinal)))
        {
            Assert.Contains(result.Errors, e => e.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ValidConfig_ParsesEveryField()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("jwks.json"), """{"keys":[]}""");
        var result = ConfigParser.Parse("""
            listen:
              http: 0.0.0.0:8080
              h2c: 127.0.0.1:8081
            admin:
              address: 0.0.0.0
              port: 9901
              shutdownEndpoint: false
            health:
              url: http://127.0.0.1:3000/healthz
              interval: 500ms
            drain:
              grace: 45s
            limits:
              maxConcurrentRequests: 64
              maxRequestHeaderBytes: 16384
              maxRequestBodyBytes: 1048576
            identity:
              headerPrefix: x-caller-
            auth:
              apiKeyHeader: x-key
              apiKeys:
                - name: ci
                  sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
              jwt:
                issuer: https://issuer.example
                audiences: [orders]
                jwksFile: jwks.json
                clockSkew: 1m
            rateLimits:
              perClient: { requestsPerSecond: 2.5, burst: 5 }
            accessLog:
              path: /dev/null
            routes:
              - name: orders
                hosts: [orders.example.com, "*.orders.example.com"]
                pathPrefix: /api/
                upstreams: [http://127.0.0.1:3000, "http://[::1]:3001"]
                upstreamProtocol: http2
                preserveHost: false
                timeout: none
                auth:
                  require: jwt
                  methods: [GET, POST]
                  scopes: [orders.read]
                  claims: { tenant: acme }
                rateLimit: { requestsPerSecond: 100 }
                retry: { attempts: 3, backoff: 10ms, budgetPercent: 10 }
                circuitBreaker: { failureRatio: 0.25, minimumThroughput: 5, breakDuration: 2s }
            """, directory.Path);

        Assert.Empty(result.Errors);
        var config = result.Config!;
        Assert.Equal(8081, config.Listen.H2c!.Port);
        Assert.False(config.Admin.ShutdownEndpoint);
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.Health!.Interval);
        Assert.Equal(TimeSpan.FromSeconds(45), config.DrainGrace);
        Assert.Equal("x-caller-", config.IdentityHeaderPrefix);
        Assert.Equal(new RateLimitConfig(2.5, 5), config.ClientRateLimit);
        Assert.Equal(directory.File("jwks.json"), config.Auth.Jwt!.JwksFile);
        var route = Assert.Single(config.Routes);
        Assert.Null(route.Timeout);
        Assert.Equal(UpstreamProtocol.Http2, route.UpstreamProtocol);
        Assert.Equal(2, route.Upstreams.Count);
        Assert.Equal(new RateLimitConfig(100, 100), route.RateLimit);
        Assert.Equal(3, route.Retry!.Attempts);
        Assert.Equal(0.25, route.CircuitBreaker!.FailureRatio);
        Assert.Equal([new KeyValuePair<string, string>("tenant", "acme")], route.Auth.Claims);
    }

    [Fact]
    public void SameText_ParsesToEqualConfigs_SoAReloadCanTellNothingChanged()
    {
        const string Yaml = """
            listen: { http: 127.0.0.1:0 }
            routes:
              - name: app
                hosts: [a.example]
                upstreams: [http://127.0.0.1:1]
            """;
        Assert.Equal(ConfigParser.Parse(Yaml, "/").Config, ConfigParser.Parse(Yaml, "/").Config);
    }

    [Fact]
    public void NotYaml_IsRejected_WithTheLine()
    {
        var result = ConfigParser.Parse("listen: [\n  oops", "/");

        Assert.StartsWith("(file): not valid YAML at line", Assert.Single(result.Errors));
    }
}
