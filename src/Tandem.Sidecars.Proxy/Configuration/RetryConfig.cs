namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>
/// Retries of idempotent requests without a body after connection failures, 502, 503 or 504.
/// <see cref="BudgetPercent"/> caps retries to that share of recent requests so retries cannot
/// multiply load on an app that is already failing.
/// </summary>
public sealed record RetryConfig
{
    public int Attempts { get; init; } = 2;

    public TimeSpan Backoff { get; init; } = TimeSpan.FromMilliseconds(25);

    public int BudgetPercent { get; init; } = 20;
}
