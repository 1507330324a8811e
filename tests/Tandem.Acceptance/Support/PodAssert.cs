using Tandem.Model.CoreV1;

namespace Tandem.Acceptance.Support;

/// <summary>Assertions on a published pod whose failure messages show the whole status.</summary>
public static class PodAssert
{
    public static void Phase(Pod pod, string phase) =>
        Assert.True(pod.Phase() == phase, $"expected phase {phase}:\n{PodDescription.Describe(pod)}");

    /// <summary>The container's current state is terminated with this exit code and reason.</summary>
    public static ContainerStateTerminated Terminated(Pod pod, string container, int exitCode, string reason)
    {
        var terminated = pod.Container(container).State?.Terminated;
        Assert.True(terminated is not null && terminated.ExitCode == exitCode && terminated.Reason == reason,
            $"expected {container} terminated({exitCode}, {reason}):\n{PodDescription.Describe(pod)}");
        return terminated!;
    }

    public static void Waiting(Pod pod, string container, string reason) =>
        Assert.True(pod.Container(container).WaitingReason() == reason, $"expected {container} waiting({reason}):\n{PodDescription.Describe(pod)}");

    public static void RestartCount(Pod pod, string container, int count) =>
        Assert.True(pod.Container(container).RestartCount == count, $"expected {container} restartCount {count}:\n{PodDescription.Describe(pod)}");

    /// <summary>The condition has this status, and (when given) this reason and message.</summary>
    public static void Condition(Pod pod, string type, string status, string? reason = null, string? message = null)
    {
        var condition = pod.Condition(type);
        var ok = condition is not null && condition.Status == status
            && (reason is null || condition.Reason == reason) && (message is null || condition.Message == message);
        Assert.True(ok, $"expected {type}={status}/{reason} \"{message}\":\n{PodDescription.Describe(pod)}");
    }

    /// <summary>A log predicate, with the whole log, the node's events and the last published status in the failure message.</summary>
    public static void Log(ScenarioNode node, SharedLog log, bool holds, string predicate) =>
        Assert.True(holds, $"{predicate} does not hold for the log:\n{log}\n{node.Describe()}");
}
