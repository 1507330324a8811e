using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Status;

/// <summary>
/// <c>getPhase</c> of the v1.32 kubelet (KP:1497-1665, §1.J): pending regular init and pending sidecar counters are
/// separate, sidecars that terminated are not counted (R18), and a failed init container fails a Never pod (R9).
/// </summary>
public static class PodPhaseCalculator
{
    public static string GetPhase(PodSpec spec, IReadOnlyList<ContainerStatus> initStatuses, IReadOnlyList<ContainerStatus> statuses, bool podIsTerminal)
    {
        var init = initStatuses.Where(s => s.Name is not null).ToDictionary(s => s.Name!);
        var regular = statuses.Where(s => s.Name is not null).ToDictionary(s => s.Name!);
        int pendingRegularInit = 0, pendingSidecar = 0, failedInit = 0;
        int unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var container in ContainerRoles.InitContainers(spec))
        {
            var found = init.TryGetValue(container.Name!, out var s);
            if (!ContainerRoles.IsSidecar(container))
            {
                if (!found || s!.State?.Running is not null || (s.State?.Waiting is not null && s.LastState?.Terminated is null))
                {
                    pendingRegularInit++;
                }
                else if ((s.State?.Terminated ?? s.LastState?.Terminated) is { ExitCode: not 0 })
                {
                    failedInit++;
                }
                else if (s.State?.Terminated is null && s.State?.Waiting is null)
                {
                    pendingRegularInit++;
                }
                continue;
            }
            if (!found)
            {
                unknown++;
            }
            else if (s!.State?.Running is not null)
            {
                running++;
                if (s.Started != true)
                {
                    pendingSidecar++;
                }
            }
            else if (s.State?.Terminated is not null || (s.State?.Waiting is not null && s.LastState?.Terminated is not null))
            {
                // Terminated sidecars do not count towards the phase (R18).
            }
            else if (s.State?.Waiting is not null)
            {
                pendingSidecar++;
                waiting++;
            }
            else
            {
                pendingSidecar++;
                unknown++;
            }
        }
        var hasRegularRun = false;
        foreach (var container in ContainerRoles.Containers(spec))
        {
            if (!regular.TryGetValue(container.Name!, out var s))
            {
                unknown++;
                continue;
            }
            hasRegularRun |= s.State?.Running is not null || s.State?.Terminated is not null || s.LastState?.Terminated is not null;
            if (s.State?.Running is not null)
            {
                running++;
            }
            else if (s.State?.Terminated is { } terminated)
            {
                stopped++;
                succeeded += terminated.ExitCode == 0 ? 1 : 0;
            }
            else if (s.State?.Waiting is not null && s.LastState?.Terminated is not null)
            {
                stopped++;
            }
            else if (s.State?.Waiting is not null)
            {
                waiting++;
            }
            else
            {
                unknown++;
            }
        }
        var policy = spec.RestartPolicy ?? "Always";
        if (failedInit > 0 && policy == "Never")
        {
            return PodPhases.Failed;
        }
        if (pendingRegularInit > 0 || (pendingSidecar > 0 && !hasRegularRun) || waiting > 0)
        {
            return PodPhases.Pending;
        }
        if (running > 0 && unknown == 0)
        {
            return PodPhases.Running;
        }
        if (running == 0 && stopped > 0 && unknown == 0)
        {
            if (podIsTerminal)
            {
                // T7: after termination, any policy: all regular containers exited 0 or not.
                return stopped == succeeded ? PodPhases.Succeeded : PodPhases.Failed;
            }
            if (policy == "Always")
            {
                return PodPhases.Running;
            }
            if (stopped == succeeded)
            {
                return PodPhases.Succeeded;
            }
            return policy == "Never" ? PodPhases.Failed : PodPhases.Running;
        }
        return PodPhases.Pending;
    }
}
