using Tandem.Model.Meta;

namespace Tandem.Model.CoreV1;

/// <summary>Sensitive data for pods. <c>stringData</c> is write-only: it is merged into <c>data</c> when stored.</summary>
public sealed record Secret : IKubernetesObject
{
    public const string KindName = "Secret";

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = KindName;

    public ObjectMeta? Metadata { get; init; }

    public bool? Immutable { get; init; }

    public IReadOnlyDictionary<string, byte[]>? Data { get; init; }

    public IReadOnlyDictionary<string, string>? StringData { get; init; }

    public string? Type { get; init; }
}
