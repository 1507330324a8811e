namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Opens after enough upstream failures and fails fast with 503 for <see cref="BreakDuration"/>.</summary>
public sealed record CircuitBreakerConfig
{
    public double FailureRatio { get; init; } = 0.5;

    public int MinimumThroughput { get; init; } = 20;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(5);
}
