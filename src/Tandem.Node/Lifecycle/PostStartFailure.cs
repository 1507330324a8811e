using Tandem.Node.Termination;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// What the executor does when a started container's postStart hook fails (R7c, KC:308-325): kill it with the
/// pod's grace (deletion grace if deleted), record <c>FailedPostStartHook</c> "PostStartHook failed" (the hook's
/// output stays out of the event so secrets do not leak), and remember <c>PostStartHookError</c> with the hook's
/// message as the start failure. Whether it restarts is then up to the ordinary rules (R12, R15).
/// </summary>
public static class PostStartFailure
{
    public static (KillContainerAction Kill, PodEvent Event, StartFailure Failure) Handle(
        PodSnapshot snapshot, StartContainerAction start, string containerId, string hookMessage, DateTimeOffset now)
    {
        var grace = GracePeriods.ForContainer(snapshot.Pod, start.Spec, KillReason.FailedPostStartHook);
        var kill = new KillContainerAction(start.Name, containerId, start.Kind, KillReason.FailedPostStartHook, "FailedPostStartHook", grace,
            TerminationPlan.ForContainer(snapshot.Pod, start.Name, KillReason.FailedPostStartHook));
        var warning = new PodEvent(PodEvent.Warning, EventReasons.FailedPostStartHook, "PostStartHook failed", start.Name);
        return (kill, warning, new StartFailure(StartFailureReasons.PostStartHookError, hookMessage, now));
    }
}
