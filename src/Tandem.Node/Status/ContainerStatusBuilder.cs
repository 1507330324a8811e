using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;
using ModelState = Tandem.Model.CoreV1.ContainerState;
using RuntimeState = Tandem.Runtime.ContainerState;

namespace Tandem.Node.Status;

/// <summary>
/// <c>convertToAPIContainerStatuses</c> (KP:1974-2336): one list of container statuses, init containers in spec order
/// and regular containers sorted by name (R32), from the newest two instances (R30), the last start failure (R28)
/// and the previous status, with the R31 display quirk. <c>started</c>/<c>ready</c> are left to <see cref="ProbeStatus"/>.
/// </summary>
internal static class ContainerStatusBuilder
{
    /// <summary>The scheme of <c>containerID</c>, like <c>containerd://</c> on a cluster.</summary>
    public const string ContainerIdScheme = "tandem";

    public static List<ContainerStatus> Build(PodSnapshot snapshot, IReadOnlyList<Container> containers, bool isInit, IReadOnlyList<ContainerStatus>? previous)
    {
        var old = (previous ?? []).Where(s => s.Name is not null).GroupBy(s => s.Name!).ToDictionary(g => g.Key, g => g.First());
        // R28: never-created containers wait with PodInitializing in pods with init containers, else ContainerCreating.
        var defaultReason = ContainerRoles.InitContainers(snapshot.Spec).Count > 0 ? WaitingReasons.PodInitializing : WaitingReasons.ContainerCreating;
        var result = new List<ContainerStatus>();
        foreach (var container in containers)
        {
            var name = container.Name!;
            old.TryGetValue(name, out var oldStatus);
            var observation = snapshot.Find(name);
            var status = observation?.Latest is { } latest
                ? FromInstances(name, latest, observation.Previous)
                : FromPrevious(snapshot, name, container.Image, defaultReason, oldStatus);
            result.Add(ApplyStartFailure(snapshot, container, isInit, status));
        }
        return isInit ? result : [.. result.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static ContainerStatus FromInstances(string name, ContainerInstance latest, ContainerInstance? previous) => Convert(latest) with
    {
        Name = name,
        // R30: lastState is the state of the instance before the newest; only two instances count.
        LastState = previous is null ? new ModelState() : Convert(previous).State,
    };

    private static ContainerStatus FromPrevious(PodSnapshot snapshot, string name, string? image, string defaultReason, ContainerStatus? old)
    {
        var status = new ContainerStatus
        {
            Name = name,
            Image = image,
            State = new ModelState { Waiting = new ContainerStateWaiting { Reason = defaultReason } },
            LastState = old?.LastState ?? new ModelState(),
            RestartCount = old?.RestartCount ?? 0,
        };
        if (old?.State?.Terminated is not null)
        {
            return old; // records gone but it had ended: keep showing how it ended.
        }
        if (old?.State?.Running is not null && status.LastState?.Terminated is null)
        {
            // KP:2011-2021: it was running and vanished; show it as stopped rather than send the pod back to Pending.
            return status with
            {
                LastState = new ModelState
                {
                    Terminated = new ContainerStateTerminated
                    {
                        ExitCode = WaitingReasons.UnknownExitCode,
                        Reason = WaitingReasons.ContainerStatusUnknown,
                        Message = "The container could not be located when the pod was deleted.  The container used to be Running",
                    },
                },
                RestartCount = snapshot.DeletionRequested ? status.RestartCount : status.RestartCount + 1,
            };
        }
        return status;
    }

    // KP:2293-2326 and R31: a container the pod-level rule would restart and that has a recorded start failure
    // shows it as waiting; an init container (sidecars included) that last exited 0 keeps showing terminated.
    private static ContainerStatus ApplyStartFailure(PodSnapshot snapshot, Container container, bool isInit, ContainerStatus status)
    {
        var latest = snapshot.Latest(container.Name);
        if (isInit && latest is { IsExited: true, ExitCode: 0 })
        {
            return status;
        }
        if (!RestartRules.ShouldContainerBeRestarted(snapshot, container.Name!) || snapshot.Find(container.Name)?.LastStartFailure is not { } failure)
        {
            return status;
        }
        return status with
        {
            LastState = status.State?.Terminated is not null ? status.State : status.LastState,
            State = new ModelState { Waiting = new ContainerStateWaiting { Reason = failure.Reason, Message = failure.Message } },
        };
    }

    private static ContainerStatus Convert(ContainerInstance instance)
    {
        var id = $"{ContainerIdScheme}://{instance.Id}";
        var state = instance.State switch
        {
            RuntimeState.Running => new ModelState { Running = new ContainerStateRunning { StartedAt = instance.StartedAt } },
            RuntimeState.Exited => new ModelState
            {
                Terminated = new ContainerStateTerminated
                {
                    ExitCode = instance.ExitCode ?? 0,
                    Reason = instance.Reason,
                    Message = instance.Message,
                    StartedAt = instance.StartedAt,
                    FinishedAt = instance.FinishedAt,
                    ContainerID = id,
                },
            },
            // Created and Unknown collapse to an empty waiting state.
            _ => new ModelState { Waiting = new ContainerStateWaiting() },
        };
        return new ContainerStatus
        {
            State = state,
            RestartCount = instance.Attempt,
            Image = instance.Image,
            ImageID = instance.ImageRef ?? "",
            ContainerID = id,
        };
    }
}
