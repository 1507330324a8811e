using Tandem.Model.Serialization;

namespace Tandem.Server.Storage;

/// <summary>The resources of core/v1 the server stores (services are served as an always-empty list).</summary>
internal static class ResourceKinds
{
    public static readonly ResourceKind Pods = new("pods", "pod", "Pod", true, KubernetesJsonContext.Default.Pod, ["po"]);

    public static readonly ResourceKind Events = new("events", "event", "Event", true, KubernetesJsonContext.Default.Event, ["ev"]);

    public static readonly ResourceKind ConfigMaps = new("configmaps", "configmap", "ConfigMap", true, KubernetesJsonContext.Default.ConfigMap, ["cm"]);

    public static readonly ResourceKind Secrets = new("secrets", "secret", "Secret", true, KubernetesJsonContext.Default.Secret, []);

    public static readonly ResourceKind Namespaces = new("namespaces", "namespace", "Namespace", false, KubernetesJsonContext.Default.Namespace, ["ns"]);

    public static readonly IReadOnlyList<ResourceKind> All = [Pods, Events, ConfigMaps, Secrets, Namespaces];

    public static ResourceKind? Find(string resource) => resource switch
    {
        "pods" => Pods,
        "events" => Events,
        "configmaps" => ConfigMaps,
        "secrets" => Secrets,
        "namespaces" => Namespaces,
        _ => null,
    };
}
