using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// Exponential back-off with jitter: half the step is fixed, half random, so shippers restarted
/// together (a rollout) do not retry in lock-step against a recovering sink.
/// </summary>
public static class Backoff
{
    public static TimeSpan Delay(RetryConfig config, int attempt, Random random)
    {
        var step = config.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(step, config.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
