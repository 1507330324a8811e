using System.Net;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Reads and validates one entry of <c>routes</c>.</summary>
internal static class RouteReader
{
    private static readonly string[] KnownMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"];

    public static RouteConfig? Read(ConfigNode node, AuthConfig auth)
    {
        node.RejectUnknown("name", "hosts", "pathPrefix", "upstreams", "upstreamProtocol", "preserveHost", "timeout", "auth", "rateLimit", "retry", "circuitBreaker");
        var name = node.String("name", required: true);
        if (name is not null && !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            node.Error("name", $"'{name}' may only hold letters, digits, '-', '_' and '.' (it becomes a metric label)");
        }
        var hosts = new List<string>();
        foreach (var (host, path) in node.StringSequence("hosts"))
        {
            var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (Uri.CheckHostName(bare) == UriHostNameType.Unknown || bare.Contains(':', StringComparison.Ordinal) && Uri.CheckHostName(bare) != UriHostNameType.IPv6)
            {
                node.Error(path[(node.Path.Length + 1)..], $"'{host}' is not a host name (use name, *.suffix or an IP; no port)");
            }
            else
            {
                hosts.Add(host.ToLowerInvariant());
            }
        }
        var prefix = node.String("pathPrefix") ?? "/";
        if (!prefix.StartsWith('/') || prefix.Contains('?', StringComparison.Ordinal) || prefix.Contains('#', StringComparison.Ordinal))
        {
            node.Error("pathPrefix", $"must start with '/' and hold no '?' or '#', not '{prefix}'");
        }
        var upstreams = new List<Uri>();
        foreach (var (text, path) in node.StringSequence("upstreams", required: true))
        {
            var field = path[(node.Path.Length + 1)..];
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            {
                node.Error(field, $"must be an http:// or https:// URL such as http://127.0.0.1:8080, not '{text}'");
            }
            else if (!uri.IsLoopback && !IsLoopbackAddress(uri.Host))
            {
                // A sidecar proxy fronts its own pod; forwarding elsewhere would turn it into an open relay.
                node.Error(field, $"must point at the pod itself (localhost, 127.0.0.1 or ::1), not '{uri.Host}'");
            }
            else
            {
                upstreams.Add(uri);
            }
        }
        if (node.Has("upstreams") && upstreams.Count == 0 && node.Sequence("upstreams").Count == 0)
        {
            node.Error("upstreams", "must list at least one upstream");
        }
        var protocol = node.Enum("upstreamProtocol", ("http1", UpstreamProtocol.Http1), ("http2", UpstreamProtocol.Http2));
        var preserveHost = node.Bool("preserveHost");
        var timeoutText = node.String("timeout");
        TimeSpan? timeout = TimeSpan.FromSeconds(30);
        if (timeoutText == "none")
        {
            timeout = null;
        }
        else if (timeoutText is not null)
        {
            timeout = node.Duration("timeout", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(24));
        }
        var routeAuth = ReadAuth(node.Map("auth"), auth);
        var rateLimit = ReadRateLimit(node.Map("rateLimit"));
        var retry = ReadRetry(node.Map("retry"));
        var breaker = ReadBreaker(node.Map("circuitBreaker"));
        if (name is null)
        {
            return null;
        }
        return new RouteConfig
        {
            Name = name,
            Hosts = new ValueList<string>(hosts),
            PathPrefix = prefix,
            Upstreams = new ValueList<Uri>(upstreams),
            UpstreamProtocol = protocol ?? UpstreamProtocol.Http1,
            PreserveHost = preserveHost ?? true,
            Timeout = timeout,
            Auth = routeAuth,
            RateLimit = rateLimit,
            Retry = retry,
            CircuitBreaker = breaker,
        };
    }

    private static bool IsLoopbackAddress(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    private static RouteAuthConfig ReadAuth(ConfigNode? node, AuthConfig auth)
    {
        if (node is null)
        {
            return new RouteAuthConfig();
        }
        node.RejectUnknown("require", "methods", "scopes", "claims");
        var require = node.Enum("require", ("none", AuthRequirement.None), ("apiKey", AuthRequirement.ApiKey), ("jwt", AuthRequirement.Jwt), ("any", AuthRequirement.Any)) ?? AuthRequirement.None;
        if (require is AuthRequirement.ApiKey && auth.ApiKeys.Count == 0)
        {
            node.Error("require", "apiKey needs at least one key in auth.apiKeys");
        }
        if (require is AuthRequirement.Jwt && auth.Jwt is null)
        {
            node.Error("require", "jwt needs auth.jwt");
        }
        if (require is AuthRequirement.Any && auth.Jwt is null && auth.ApiKeys.Count == 0)
        {
            node.Error("require", "any needs auth.apiKeys or auth.jwt");
        }
        var methods = new List<string>();
        foreach (var (method, path) in node.StringSequence("methods"))
        {
            if (KnownMethods.Contains(method, StringComparer.Ordinal))
            {
                methods.Add(method);
            }
            else
            {
                node.Error(path[(node.Path.Length + 1)..], $"'{method}' is not an HTTP method (use upper case: {string.Join(", ", KnownMethods)})");
            }
        }
        var scopes = node.StringSequence("scopes").Select(s => s.Value).ToList();
        var claims = node.StringMap("claims");
        if ((scopes.Count > 0 || claims.Count > 0) && require is not AuthRequirement.Jwt)
        {
            node.Error(scopes.Count > 0 ? "scopes" : "claims", "scopes and claims come from a JWT; set require: jwt");
        }
        return new RouteAuthConfig
        {
            Require = require,
            Methods = new ValueList<string>(methods),
            Scopes = new ValueList<string>(scopes),
            Claims = new ValueList<KeyValuePair<string, string>>(claims),
        };
    }

    internal static RateLimitConfig? ReadRateLimit(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("requestsPerSecond", "burst");
        var rate = node.Double("requestsPerSecond", 0.001, 10_000_000);
        if (!node.Has("requestsPerSecond"))
        {
            node.Error("requestsPerSecond", "required");
        }
        var burst = node.Int("burst", 1, 10_000_000);
        return rate is null ? null : new RateLimitConfig(rate.Value, burst ?? Math.Max(1, (int)Math.Ceiling(rate.Value)));
    }

    private static RetryConfig? ReadRetry(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("attempts", "backoff", "budgetPercent");
        return new RetryConfig
        {
            Attempts = node.Int("attempts", 1, 10) ?? 2,
            Backoff = node.Duration("backoff", TimeSpan.Zero, TimeSpan.FromSeconds(30)) ?? TimeSpan.FromMilliseconds(25),
            BudgetPercent = node.Int("budgetPercent", 1, 100) ?? 20,
        };
    }

    private static CircuitBreakerConfig? ReadBreaker(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("failureRatio", "minimumThroughput", "samplingDuration", "breakDuration");
        return new CircuitBreakerConfig
        {
            FailureRatio = node.Double("failureRatio", 0.01, 1) ?? 0.5,
            MinimumThroughput = node.Int("minimumThroughput", 2, 1_000_000) ?? 20,
            SamplingDuration = node.Duration("samplingDuration", TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(10),
            BreakDuration = node.Duration("breakDuration", TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(5),
        };
    }
}
