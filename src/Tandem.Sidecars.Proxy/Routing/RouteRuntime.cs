using System.Threading.RateLimiting;
using Polly;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Limits;
using Tandem.Sidecars.Proxy.Resilience;

namespace Tandem.Sidecars.Proxy.Routing;

/// <summary>
/// A route with its live state: upstream rotation, rate limiter, retry budget, circuit breaker.
/// A reload keeps the runtime of every route whose config did not change, so its limiter and
/// breaker carry on; a changed route starts fresh.
/// </summary>
internal sealed class RouteRuntime : IDisposable
{
    private readonly Uri[] _upstreams;
    private int _next = -1;

    public RouteRuntime(RouteConfig config, TimeProvider time)
    {
        Config = config;
        _upstreams = [.. config.Upstreams];
        Version = config.UpstreamProtocol == UpstreamProtocol.Http2 ? System.Net.HttpVersion.Version20 : System.Net.HttpVersion.Version11;
        RateLimiter = config.RateLimit is { } limit ? TokenBuckets.Create(limit) : null;
        Budget = config.Retry is { } retry ? new RetryBudget(retry.BudgetPercent) : null;
        Pipeline = ResiliencePipelines.Create(config, Budget, time);
        PathPrefix = config.PathPrefix.Length > 1 ? config.PathPrefix.TrimEnd('/') : "/";
    }

    public RouteConfig Config { get; }

    public string Name => Config.Name;

    /// <summary>The prefix without a trailing slash, so <c>/api/</c> and <c>/api</c> both match <c>/api</c> and <c>/api/x</c>.</summary>
    public string PathPrefix { get; }

    public Version Version { get; }

    public RateLimiter? RateLimiter { get; }

    public RetryBudget? Budget { get; }

    public ResiliencePipeline<HttpResponseMessage>? Pipeline { get; }

    /// <summary>Round robin: each attempt, including each retry, takes the next upstream.</summary>
    public Uri NextUpstream()
    {
        if (_upstreams.Length == 1)
        {
            return _upstreams[0];
        }
        var index = (uint)Interlocked.Increment(ref _next) % (uint)_upstreams.Length;
        return _upstreams[index];
    }

    public bool MatchesPath(string path)
    {
        if (PathPrefix == "/")
        {
            return true;
        }
        return path.StartsWith(PathPrefix, StringComparison.Ordinal) && (path.Length == PathPrefix.Length || path[PathPrefix.Length] == '/');
    }

    public bool MatchesHost(string host)
    {
        if (Config.Hosts.Count == 0)
        {
            return true;
        }
        foreach (var pattern in Config.Hosts)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.Length > pattern.Length - 1 && host.EndsWith(pattern.AsSpan(1), StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    public void Dispose() => RateLimiter?.Dispose();
}
