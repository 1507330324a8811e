using Tandem.Node.Probing;
using Tandem.Runtime;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// <c>computeInitContainerActions</c> (KC:1019-1249, R8): scans the init containers from last to first, finds the
/// next one to start, keeps sidecars running (R12) and decides when the pod has initialized.
/// </summary>
internal static class InitContainerPlanner
{
    /// <summary>Fills <paramref name="plan"/>; returns whether the pod has initialized (regular containers may start).</summary>
    public static bool Plan(PodSnapshot snapshot, SyncPlan plan)
    {
        var init = ContainerRoles.InitContainers(snapshot.Spec);
        if (init.Count == 0)
        {
            return true;
        }
        // KC:1024-1053: a Created or Running regular container means initialization happened before, even if
        // init container records were removed since (R8b). Exited ones do not count: after a sandbox loss all
        // containers are exited and the pod must initialize again.
        var podHasInitialized = ContainerRoles.Containers(snapshot.Spec)
            .Any(c => snapshot.Latest(c.Name)?.State is ContainerState.Created or ContainerState.Running);
        var previouslyInitialized = podHasInitialized;
        var starts = new List<int>();

        for (var i = init.Count - 1; i >= 0; i--)
        {
            var container = init[i];
            var sidecar = ContainerRoles.IsSidecar(container);
            var status = snapshot.Latest(container.Name);
            if (status is null)
            {
                // A sidecar whose records vanished after initialization is started again.
                if (previouslyInitialized && sidecar)
                {
                    starts.Add(i);
                }
                continue;
            }
            // After initialization only sidecars are kept running; regular init containers never re-run (R8).
            if (previouslyInitialized && !sidecar)
            {
                continue;
            }
            switch (status.State)
            {
                case ContainerState.Created:
                    // P9: a start that failed half-way leaves Created; start it again rather than stall.
                    starts.Add(i);
                    break;
                case ContainerState.Running when sidecar:
                    SidecarRunning(snapshot, plan, status, i, starts, ref podHasInitialized, previouslyInitialized);
                    break;
                case ContainerState.Running:
                    // A regular init container runs to completion; nothing else happens meanwhile (R8).
                    break;
                case ContainerState.Exited when sidecar:
                    // R12: a sidecar is restarted whatever its exit code and the pod's policy.
                    starts.Add(i);
                    break;
                case ContainerState.Exited:
                    if (status.ExitCode != 0)
                    {
                        if (!RestartRules.RestartOnFailure(snapshot))
                        {
                            // R9: a failed init container in a Never pod fails the pod.
                            plan.KillPod = TerminationCause.InitFailed;
                            plan.InitContainersToStart = [];
                            return false;
                        }
                        starts.Add(i); // R10: restarted with back-off.
                        break;
                    }
                    if (i == init.Count - 1)
                    {
                        podHasInitialized = true;
                    }
                    else
                    {
                        starts.Add(i + 1);
                    }
                    break;
                default:
                    // Unknown state: kill before restarting so two instances never run; a regular init container in a
                    // Never pod fails the pod instead.
                    if (!sidecar && !RestartRules.RestartOnFailure(snapshot))
                    {
                        plan.KillPod = TerminationCause.InitFailed;
                        plan.InitContainersToStart = [];
                        return false;
                    }
                    plan.Kills.Add(PodDecider.Kill(snapshot, container.Name!, status, KillReason.UnknownState,
                        "Init container is in \"unknown\" state, try killing it before restart"));
                    starts.Add(i);
                    break;
            }
            previouslyInitialized = true;
        }
        if (!previouslyInitialized)
        {
            starts.Add(0);
        }
        starts.Reverse();
        plan.InitContainersToStart = [.. starts.Distinct()];
        return podHasInitialized;
    }

    // KC:1095-1162: a running sidecar is "started" once its startup probe succeeded (or it has none); startup or
    // liveness failure kills and restarts it (R12, R23); a changed image restarts it (R14); readiness gates nothing.
    private static void SidecarRunning(PodSnapshot snapshot, SyncPlan plan, ContainerInstance status, int i,
        List<int> starts, ref bool podHasInitialized, bool previouslyInitialized)
    {
        var init = ContainerRoles.InitContainers(snapshot.Spec);
        var container = init[i];
        var name = container.Name!;
        if (container.StartupProbe is not null && status.Probes.Startup != ProbeResult.Success)
        {
            if (status.Probes.Startup == ProbeResult.Failure)
            {
                plan.Kills.Add(PodDecider.Kill(snapshot, name, status, KillReason.StartupProbe, $"Init container {name} failed startup probe"));
                starts.Add(i);
            }
            return; // R8: the next init container waits until this one is started.
        }
        if (i == init.Count - 1)
        {
            podHasInitialized = true;
        }
        else if (!previouslyInitialized)
        {
            starts.Add(i + 1);
        }
        if (status.Image != container.Image)
        {
            plan.Kills.Add(PodDecider.Kill(snapshot, name, status, KillReason.DefinitionChanged, $"Init container {name} definition changed"));
            starts.Add(i);
            return;
        }
        if (container.LivenessProbe is not null && status.Probes.Liveness == ProbeResult.Failure)
        {
            plan.Kills.Add(PodDecider.Kill(snapshot, name, status, KillReason.LivenessProbe, $"Init container {name} failed liveness probe"));
            starts.Add(i);
        }
    }
}
