namespace Tandem.Model.CoreV1;

/// <summary>One condition of a pod (PodScheduled, Initialized, ContainersReady, Ready, ...).</summary>
public sealed record PodCondition
{
    public string? Type { get; init; }

    public string? Status { get; init; }

    public long? ObservedGeneration { get; init; }

    public DateTimeOffset? LastProbeTime { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}
