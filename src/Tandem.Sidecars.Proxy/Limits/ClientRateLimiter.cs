using System.Threading.RateLimiting;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Limits;

/// <summary>One token bucket per client key (API key name, JWT subject, or client IP).</summary>
internal sealed class ClientRateLimiter(RateLimitConfig config) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetTokenBucketLimiter(key, _ => TokenBuckets.Options(config)));

    public RateLimitConfig Config { get; } = config;

    public RateLimitLease Acquire(string clientKey) => _limiter.AttemptAcquire(clientKey);

    public void Dispose() => _limiter.Dispose();
}
