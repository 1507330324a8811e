using Tandem.Model.CoreV1;

namespace Tandem.Acceptance.Support;

/// <summary>Reads a published pod's status the way the scenarios talk about it.</summary>
public static class PodStatusView
{
    public static string? Phase(this Pod pod) => pod.Status?.Phase;

    /// <summary>The status of the init container or container named <paramref name="name"/>.</summary>
    public static ContainerStatus Container(this Pod pod, string name) =>
        pod.FindContainer(name) ?? throw new InvalidOperationException($"no status for container {name}:\n{PodDescription.Describe(pod)}");

    public static ContainerStatus? FindContainer(this Pod pod, string name) =>
        (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []).FirstOrDefault(c => c.Name == name);

    public static PodCondition? Condition(this Pod pod, string type) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsTerminal(this Pod pod) => pod.Phase() is "Succeeded" or "Failed";

    public static bool IsRunning(this ContainerStatus? status) => status?.State?.Running is not null;

    public static string? WaitingReason(this ContainerStatus? status) => status?.State?.Waiting?.Reason;

    /// <summary>True when the pod's <paramref name="container"/> is running and reported started.</summary>
    public static bool HasStarted(this Pod pod, string container) => pod.FindContainer(container) is { Started: true } s && s.IsRunning();
}
