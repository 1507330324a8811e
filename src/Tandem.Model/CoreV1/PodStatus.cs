using System.Text.Json.Nodes;

namespace Tandem.Model.CoreV1;

/// <summary>What the kubelet last observed of a pod: phase, conditions and every container's state.</summary>
public sealed record PodStatus
{
    public long? ObservedGeneration { get; init; }

    public string? Phase { get; init; }

    public IReadOnlyList<PodCondition>? Conditions { get; init; }

    public string? Message { get; init; }

    public string? Reason { get; init; }

    public string? NominatedNodeName { get; init; }

    public string? HostIP { get; init; }

    public IReadOnlyList<HostIp>? HostIPs { get; init; }

    public string? PodIP { get; init; }

    public IReadOnlyList<PodIp>? PodIPs { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public IReadOnlyList<ContainerStatus>? InitContainerStatuses { get; init; }

    public IReadOnlyList<ContainerStatus>? ContainerStatuses { get; init; }

    public IReadOnlyList<ContainerStatus>? EphemeralContainerStatuses { get; init; }

    public string? QosClass { get; init; }

    public string? Resize { get; init; }

    public JsonArray? ResourceClaimStatuses { get; init; }
}
