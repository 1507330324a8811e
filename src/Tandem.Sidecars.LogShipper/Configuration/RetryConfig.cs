namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>
/// Failed sends (connection errors, timeouts, 408, 429, 5xx) are retried without limit, with
/// exponential back-off and full jitter between <see cref="InitialBackoff"/> and <see cref="MaxBackoff"/>:
/// giving up would lose lines, and the reader is held back meanwhile instead.
/// </summary>
public sealed record RetryConfig
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);
}
