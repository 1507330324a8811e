using System.Collections.Immutable;
using System.Globalization;
using Tandem.Model.CoreV1;
using Tandem.Runtime;

namespace Tandem.Node.Workers;

/// <summary>A worker for a pod an earlier node process ran: it continues from what the runtime and the store still hold.</summary>
internal sealed partial class PodWorker
{
    /// <summary>
    /// A worker that carries on with <paramref name="pod"/> (as stored, status included) on the sandboxes the runtime
    /// still has for it (oldest first). Its first sync observes their containers as its own, so nothing restarts just
    /// because the node did; probes resume from the published results (a container that was ready stays ready until
    /// its probe says otherwise). When the runtime lost the pod's containers, the next instances' restart counts
    /// continue from the log files, as the kubelet's <c>calcRestartCountByLogDir</c> does after a runtime restart.
    /// </summary>
    public static PodWorker Adopt(PodWorkerContext context, Pod pod, IReadOnlyList<PodSandboxStatus> sandboxes, IReadOnlyList<Runtime.ContainerStatus> containers)
    {
        var worker = new PodWorker(context, pod);
        worker._sandboxes.Adopt(sandboxes);
        var ran = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).Any(s => s.ContainerID is not null);
        worker._snapshot = worker._snapshot with
        {
            // A pod that ran but lost its sandbox gets a new one as a changed sandbox (attempt > 0), as the kubelet does.
            SandboxAttempts = sandboxes.Count > 0 ? sandboxes.Max(s => s.Config.Attempt) + 1 : ran ? 1 : 0,
            LoggedRestartCounts = NextRestartCountsFromLogs(context, pod),
        };
        var running = containers.Where(c => c.State == Runtime.ContainerState.Running).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var status in (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []))
        {
            var id = RuntimeId(status.ContainerID);
            if (status.Name is not null && id is not null && running.ContainsKey(id))
            {
                worker._probes.Resume(status.Name, id, status.Started == true, status.Ready);
            }
        }
        return worker;
    }

    // containerID is "<scheme>://<runtime id>" (ContainerStatusBuilder).
    private static string? RuntimeId(string? containerId) =>
        containerId?.IndexOf("://", StringComparison.Ordinal) is >= 0 and var at ? containerId[(at + 3)..] : null;

    private static ImmutableDictionary<string, int> NextRestartCountsFromLogs(PodWorkerContext context, Pod pod)
    {
        var counts = ImmutableDictionary<string, int>.Empty;
        var podLogs = context.Options.Logs.PodDirectory(pod);
        if (!Directory.Exists(podLogs))
        {
            return counts;
        }
        foreach (var container in Directory.EnumerateDirectories(podLogs))
        {
            var highest = Directory.EnumerateFiles(container, "*.log")
                .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
                .DefaultIfEmpty(-1).Max();
            if (highest >= 0)
            {
                counts = counts.SetItem(Path.GetFileName(container), highest + 1);
            }
        }
        return counts;
    }
}
