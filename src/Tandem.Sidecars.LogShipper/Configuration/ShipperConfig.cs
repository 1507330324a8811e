namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>The whole <c>tandem ship</c> configuration file.</summary>
public sealed record ShipperConfig
{
    /// <summary>Where checkpoints live; must survive restarts of the shipper (an emptyDir does).</summary>
    public string DataDir { get; init; } = "";

    public PodConfig Pod { get; init; } = new();

    public IReadOnlyList<InputConfig> Inputs { get; init; } = [];

    public IReadOnlyList<FilterConfig> Filters { get; init; } = [];

    public IReadOnlyList<OutputConfig> Outputs { get; init; } = [];

    public BatchConfig Batch { get; init; } = new();

    public RetryConfig Retry { get; init; } = new();

    public BufferConfig Buffer { get; init; } = new();

    public AdminConfig Admin { get; init; } = new();

    /// <summary>After SIGTERM: how long to read to the end, flush and checkpoint before giving up (keep it below terminationGracePeriodSeconds).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(25);
}
