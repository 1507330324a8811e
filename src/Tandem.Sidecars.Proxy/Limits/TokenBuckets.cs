using System.Threading.RateLimiting;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Limits;

/// <summary>Turns a requests-per-second and burst into token-bucket options with the exact rate.</summary>
internal static class TokenBuckets
{
    public static TokenBucketRateLimiterOptions Options(RateLimitConfig config)
    {
        // Refill in steps of about 10 ms worth of tokens (at least one token per step) so the
        // admitted rate is exact for fractional rates and smooth for high ones.
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(config.RequestsPerSecond / 100));
        var period = TimeSpan.FromSeconds(tokensPerPeriod / config.RequestsPerSecond);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = config.Burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public static TokenBucketRateLimiter Create(RateLimitConfig config) => new(Options(config));
}
