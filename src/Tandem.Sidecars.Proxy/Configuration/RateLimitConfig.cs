namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>A token bucket: <see cref="Burst"/> tokens, refilled at <see cref="RequestsPerSecond"/>.</summary>
public sealed record RateLimitConfig(double RequestsPerSecond, int Burst);
