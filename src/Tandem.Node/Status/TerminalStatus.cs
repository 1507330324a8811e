using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Status;

/// <summary>
/// The status manager's <c>TerminatePod</c> (SM:467-531, T7): once termination is over every status that is not
/// terminated is filled in as <c>ContainerStatusUnknown</c>/137, and a pod still Pending or Running becomes Failed.
/// </summary>
internal static class TerminalStatus
{
    private const string Message = "The container could not be located when the pod was terminated";

    public static PodStatus Apply(PodSpec spec, PodStatus status)
    {
        var regular = status.ContainerStatuses ?? [];
        var init = status.InitContainerStatuses ?? [];
        if (HasInitialized(spec, init, regular))
        {
            regular = [.. regular.Select(Fill)];
        }
        // All but the trailing init containers that never started are marked (initializedContainers).
        var started = init.Count == 0 ? 0 : Math.Max(1, init.ToList().FindLastIndex(s => s.State?.Waiting is null || s.LastState?.Terminated is not null) + 1);
        init = [.. init.Select((s, i) => i < started ? Fill(s) : s)];
        var phase = PodPhases.IsTerminal(status.Phase) ? status.Phase : PodPhases.Failed;
        return status with { ContainerStatuses = regular, InitContainerStatuses = init, Phase = phase };
    }

    private static ContainerStatus Fill(ContainerStatus status) => status.State?.Terminated is not null
        ? status
        : status with
        {
            State = new ContainerState
            {
                Terminated = new ContainerStateTerminated { ExitCode = WaitingReasons.UnknownExitCode, Reason = WaitingReasons.ContainerStatusUnknown, Message = Message },
            },
        };

    // hasPodInitialized: no init containers, any regular container out of waiting, or the last init container done.
    private static bool HasInitialized(PodSpec spec, IReadOnlyList<ContainerStatus> init, IReadOnlyList<ContainerStatus> regular)
    {
        var initContainers = ContainerRoles.InitContainers(spec);
        if (initContainers.Count == 0 || regular.Any(s => s.LastState?.Terminated is not null || s.State?.Waiting is null))
        {
            return true;
        }
        var last = init.FirstOrDefault(s => s.Name == initContainers[^1].Name);
        return ContainerRoles.IsSidecar(initContainers[^1]) ? last?.Started == true : last?.State?.Terminated is { ExitCode: 0 };
    }
}
