using Tandem.Model.Meta;

namespace Tandem.Model.CoreV1;

/// <summary>Configuration data for pods: string keys and, separately, binary keys.</summary>
public sealed record ConfigMap : IKubernetesObject
{
    public const string KindName = "ConfigMap";

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = KindName;

    public ObjectMeta? Metadata { get; init; }

    public bool? Immutable { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public IReadOnlyDictionary<string, byte[]>? BinaryData { get; init; }
}
