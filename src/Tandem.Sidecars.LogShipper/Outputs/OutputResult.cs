using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>What a send achieved. <see cref="Remaining"/> narrows a retry to the events the sink did not take (Elasticsearch's per-item results).
/// <see cref="RejectedCount"/> counts events the sink refused for good inside a delivered batch (per-item errors).</summary>
public sealed record OutputResult(OutputStatus Status, string? Reason = null, IReadOnlyList<LogEvent>? Remaining = null, int RejectedCount = 0)
{
    public static readonly OutputResult Delivered = new(OutputStatus.Delivered);

    public static OutputResult Retry(string reason, IReadOnlyList<LogEvent>? remaining = null) => new(OutputStatus.Retry, reason, remaining);

    public static OutputResult Rejected(string reason) => new(OutputStatus.Rejected, reason);
}
