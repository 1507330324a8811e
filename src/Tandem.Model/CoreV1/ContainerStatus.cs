using System.Text.Json.Nodes;
using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>The observed state of one container instance and the one before it.</summary>
public sealed record ContainerStatus
{
    public string? Name { get; init; }

    public ContainerState? State { get; init; }

    public ContainerState? LastState { get; init; }

    public bool Ready { get; init; }

    public int RestartCount { get; init; }

    public string? Image { get; init; }

    public string? ImageID { get; init; }

    public string? ContainerID { get; init; }

    public bool? Started { get; init; }

    public IReadOnlyDictionary<string, Quantity>? AllocatedResources { get; init; }

    public ResourceRequirements? Resources { get; init; }

    public JsonArray? VolumeMounts { get; init; }

    public JsonObject? User { get; init; }

    public JsonArray? AllocatedResourcesStatus { get; init; }

    public string? StopSignal { get; init; }
}
