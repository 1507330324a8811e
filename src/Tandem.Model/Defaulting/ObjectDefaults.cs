using Tandem.Model.CoreV1;
using Tandem.Model.Meta;

namespace Tandem.Model.Defaulting;

/// <summary>Defaults for any object Tandem reads; kinds without defaults come back unchanged.</summary>
public static class ObjectDefaults
{
    public static IKubernetesObject Apply(IKubernetesObject obj) => obj switch
    {
        Pod pod => PodDefaults.Apply(pod),
        Secret secret => secret with { Type = secret.Type ?? "Opaque" },
        _ => obj,
    };
}
