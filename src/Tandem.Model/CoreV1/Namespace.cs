using Tandem.Model.Meta;

namespace Tandem.Model.CoreV1;

/// <summary>A namespace objects are named in.</summary>
public sealed record Namespace : IKubernetesObject
{
    public const string KindName = "Namespace";

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = KindName;

    public ObjectMeta? Metadata { get; init; }

    public NamespaceSpec? Spec { get; init; }

    public NamespaceStatus? Status { get; init; }
}
