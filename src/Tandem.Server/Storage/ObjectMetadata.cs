using Tandem.Model.CoreV1;
using Tandem.Model.Meta;

namespace Tandem.Server.Storage;

/// <summary>Replaces the metadata of any stored kind (the records are immutable, each with its own <c>with</c>).</summary>
internal static class ObjectMetadata
{
    public static IKubernetesObject With(IKubernetesObject value, ObjectMeta metadata) => value switch
    {
        Pod pod => pod with { Metadata = metadata },
        Event e => e with { Metadata = metadata },
        ConfigMap configMap => configMap with { Metadata = metadata },
        Secret secret => secret with { Metadata = metadata },
        Namespace ns => ns with { Metadata = metadata },
        _ => throw new ArgumentException($"kind {value.Kind} is not stored", nameof(value)),
    };

    /// <summary>Sets apiVersion and kind, which clients may leave out of a body and the server always sends.</summary>
    public static IKubernetesObject WithTypeMeta(IKubernetesObject value) => value switch
    {
        Pod pod => pod with { ApiVersion = "v1", Kind = Pod.KindName },
        Event e => e with { ApiVersion = "v1", Kind = Event.KindName },
        ConfigMap configMap => configMap with { ApiVersion = "v1", Kind = ConfigMap.KindName },
        Secret secret => secret with { ApiVersion = "v1", Kind = Secret.KindName },
        Namespace ns => ns with { ApiVersion = "v1", Kind = Namespace.KindName },
        _ => value,
    };
}
