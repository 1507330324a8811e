using System.Globalization;
using Tandem.Model.CoreV1;

namespace Tandem.Server.Tables;

/// <summary>The ready/restart tallies of <c>printPod</c>'s two container walks, with the reason each walk may set.</summary>
internal sealed class PodCounts
{
    private int _sidecarRestarts;
    private DateTimeOffset? _lastSidecarRestart;

    public int Ready { get; private set; }

    public int Restarts { get; private set; }

    public DateTimeOffset? LastRestart { get; private set; }

    public bool HasRunning { get; private set; }

    /// <summary>Walks init container statuses in order; true when the pod is still initializing.</summary>
    public bool WalkInitContainers(IReadOnlyList<Container> specs, IReadOnlyList<ContainerStatus> statuses, ref string reason)
    {
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i];
            var sidecar = PodTablePrinter.IsSidecar(specs.FirstOrDefault(c => c.Name == status.Name));
            Restarts += status.RestartCount;
            var finished = status.LastState?.Terminated?.FinishedAt;
            LastRestart = Latest(LastRestart, finished);
            if (sidecar)
            {
                _sidecarRestarts += status.RestartCount;
                _lastSidecarRestart = Latest(_lastSidecarRestart, finished);
            }
            var terminated = status.State?.Terminated;
            var waiting = status.State?.Waiting;
            if (terminated is { ExitCode: 0 })
            {
                continue;
            }
            if (sidecar && status.Started == true)
            {
                if (status.Ready)
                {
                    Ready++;
                }
                continue;
            }
            if (terminated is not null)
            {
                reason = string.IsNullOrEmpty(terminated.Reason)
                    ? terminated.Signal is { } signal and not 0 ? $"Init:Signal:{Number(signal)}" : $"Init:ExitCode:{Number(terminated.ExitCode)}"
                    : "Init:" + terminated.Reason;
            }
            else if (!string.IsNullOrEmpty(waiting?.Reason) && waiting.Reason != "PodInitializing")
            {
                reason = "Init:" + waiting.Reason;
            }
            else
            {
                reason = $"Init:{Number(i)}/{Number(specs.Count)}";
            }
            return true;
        }
        return false;
    }

    /// <summary>
    /// Walks app container statuses last to first, so the first container's state wins the reason. Restarts
    /// restart from the sidecars' count: failed init attempts no longer matter once the pod is initialized.
    /// </summary>
    public void WalkContainers(IReadOnlyList<ContainerStatus> statuses, ref string reason)
    {
        Restarts = _sidecarRestarts;
        LastRestart = _lastSidecarRestart;
        for (var i = statuses.Count - 1; i >= 0; i--)
        {
            var status = statuses[i];
            Restarts += status.RestartCount;
            LastRestart = Latest(LastRestart, status.LastState?.Terminated?.FinishedAt);
            var waiting = status.State?.Waiting;
            var terminated = status.State?.Terminated;
            if (!string.IsNullOrEmpty(waiting?.Reason))
            {
                reason = waiting.Reason;
            }
            else if (!string.IsNullOrEmpty(terminated?.Reason))
            {
                reason = terminated.Reason;
            }
            else if (terminated is not null)
            {
                reason = terminated.Signal is { } signal and not 0 ? $"Signal:{Number(signal)}" : $"ExitCode:{Number(terminated.ExitCode)}";
            }
            else if (status.Ready && status.State?.Running is not null)
            {
                HasRunning = true;
                Ready++;
            }
        }
    }

    private static DateTimeOffset? Latest(DateTimeOffset? current, DateTimeOffset? candidate) =>
        candidate is { } value && value != default && (current is null || value > current) ? value : current;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
