using Tandem.Model.CoreV1;

namespace Tandem.Node.Lifecycle;

/// <summary>How the kubelet names a pod in messages (<c>format.Pod</c>): <c>name_namespace(uid)</c>.</summary>
public static class PodNames
{
    public static string Format(Pod pod) =>
        $"{pod.Metadata?.Name}_{pod.Metadata?.Namespace ?? "default"}({pod.Metadata?.Uid})";
}
