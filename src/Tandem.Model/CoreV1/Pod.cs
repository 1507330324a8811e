using Tandem.Model.Meta;

namespace Tandem.Model.CoreV1;

/// <summary>A pod: containers that share one network, volumes and lifecycle.</summary>
public sealed record Pod : IKubernetesObject
{
    public const string KindName = "Pod";

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = KindName;

    public ObjectMeta? Metadata { get; init; }

    public PodSpec? Spec { get; init; }

    public PodStatus? Status { get; init; }
}
