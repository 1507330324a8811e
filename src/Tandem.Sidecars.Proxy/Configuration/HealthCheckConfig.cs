namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>The app's health check; the proxy reports ready only once it answers 2xx.</summary>
public sealed record HealthCheckConfig
{
    public required Uri Url { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
}
