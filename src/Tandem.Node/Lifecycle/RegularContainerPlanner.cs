using Tandem.Node.Probing;
using Tandem.Runtime;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// The regular-container half of <c>computePodActions</c> (KM:1046-1096): restart by policy (R15), kill on a
/// changed image (R14) or a liveness/startup failure (R16), and decide completion (R17).
/// </summary>
internal static class RegularContainerPlanner
{
    public static void Plan(PodSnapshot snapshot, SyncPlan plan)
    {
        var keep = 0;
        var containers = ContainerRoles.Containers(snapshot.Spec);
        for (var index = 0; index < containers.Count; index++)
        {
            var container = containers[index];
            var name = container.Name!;
            var status = snapshot.Latest(name);
            if (status is not { State: ContainerState.Running })
            {
                if (RestartRules.ShouldContainerBeRestarted(snapshot, name))
                {
                    plan.ContainersToStart.Add(index);
                    if (status?.State == ContainerState.Unknown)
                    {
                        // Never let two instances run: kill what might still be there first.
                        plan.Kills.Add(PodDecider.Kill(snapshot, name, status, KillReason.UnknownState,
                            "Container is in \"unknown\" state, try killing it before restart"));
                    }
                }
                continue;
            }
            var restart = RestartRules.RestartOnFailure(snapshot);
            string message;
            KillReason reason;
            if (status.Image != container.Image)
            {
                // R14: an image change restarts the container whatever the policy.
                (message, reason, restart) = ($"Container {name} definition changed", KillReason.DefinitionChanged, true);
            }
            else if (container.LivenessProbe is not null && status.Probes.Liveness == ProbeResult.Failure)
            {
                (message, reason) = ($"Container {name} failed liveness probe", KillReason.LivenessProbe);
            }
            else if (container.StartupProbe is not null && status.Probes.Startup == ProbeResult.Failure)
            {
                (message, reason) = ($"Container {name} failed startup probe", KillReason.StartupProbe);
            }
            else
            {
                keep++;
                continue;
            }
            // R16: restarted in the same sync unless the policy is Never.
            if (restart)
            {
                message += ", will be restarted";
                plan.ContainersToStart.Add(index);
            }
            plan.Kills.Add(PodDecider.Kill(snapshot, name, status, reason, message));
        }
        if (keep == 0 && plan.ContainersToStart.Count == 0)
        {
            // R17/R13b: every regular container is done for good: terminate the pod, start no sidecar again.
            plan.KillPod = TerminationCause.Completed;
            plan.InitContainersToStart = [];
        }
    }
}
