using Microsoft.Extensions.Logging;
using Tandem.Model.CoreV1;
using Tandem.Node.Store;
using Tandem.Node.Workers;
using Tandem.Runtime;

namespace Tandem.Node;

/// <summary>
/// What a starting node does with what an earlier node process left: re-adopt it (the daemon; the kubelet after a
/// restart finds its pods' containers through the runtime and carries on) or remove it (<c>tandem run</c>).
/// </summary>
public sealed partial class Kubelet
{
    /// <summary>
    /// Re-adopts every stored pod that is not terminal: a worker that knows the pod's sandboxes, so its first sync
    /// observes the running containers (same ids, restart counts, start times, log files) instead of starting new ones.
    /// A pod whose sandbox is gone gets a new one the kubelet way (<c>PodSandboxChanged</c>). Sandboxes no stored pod
    /// owns, and the directories and logs of pods that are gone, are removed.
    /// </summary>
    private async Task AdoptAsync(CancellationToken cancellationToken)
    {
        var sandboxes = await _sandboxes.ListPodSandboxesAsync(cancellationToken).ConfigureAwait(false);
        var containers = await _containers.ListContainersAsync(null, cancellationToken).ConfigureAwait(false);
        var adoptedUids = new HashSet<string>(StringComparer.Ordinal);
        var keptLogs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in Store.Pods)
        {
            var key = ObjectStore.KeyOf(pod.Metadata);
            keptLogs.Add(_options.Logs.PodDirectory(pod));
            if (IsTerminal(pod) || pod.Metadata?.Uid is not { } uid)
            {
                // A finished pod stays readable (get, logs) until it is deleted; nothing of it runs any more.
                continue;
            }
            adoptedUids.Add(uid);
            var own = sandboxes.Where(s => s.Config.Uid == uid).OrderBy(s => s.Config.Attempt).ThenBy(s => s.CreatedAt).ToList();
            var ids = own.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var worker = PodWorker.Adopt(_context, pod, own, [.. containers.Where(c => ids.Contains(c.SandboxId))]);
            _workers[key] = worker;
            AdoptionLog.Adopted(_logger, key.ToString(), own.Count, containers.Count(c => ids.Contains(c.SandboxId) && c.State == Runtime.ContainerState.Running));
            worker.Start();
            if (pod.Metadata.DeletionTimestamp is not null)
            {
                // The earlier process died while deleting the pod: finish the deletion with the grace it was given.
                BeginDelete(key, pod.Metadata.DeletionGracePeriodSeconds);
            }
        }
        foreach (var orphan in sandboxes.Where(s => !adoptedUids.Contains(s.Config.Uid)))
        {
            AdoptionLog.RemovingOrphan(_logger, orphan.Id, $"{orphan.Config.Namespace}/{orphan.Config.Name}");
            await _sandboxes.StopPodSandboxAsync(orphan.Id, cancellationToken).ConfigureAwait(false);
            await _sandboxes.RemovePodSandboxAsync(orphan.Id, cancellationToken).ConfigureAwait(false);
        }
        if (Directory.Exists(_options.PodsDirectory))
        {
            foreach (var podDirectory in Directory.EnumerateDirectories(_options.PodsDirectory).Where(d => !adoptedUids.Contains(Path.GetFileName(d))))
            {
                RemovePodDirectory(podDirectory);
            }
        }
        if (Directory.Exists(_options.LogDirectory))
        {
            foreach (var logs in Directory.EnumerateDirectories(_options.LogDirectory).Where(d => !keptLogs.Contains(d)))
            {
                Directory.Delete(logs, recursive: true);
            }
        }
    }

    /// <summary>Removes whatever an earlier node process left on the machine: sandboxes, containers, mounts, pod directories, stored pods and logs.</summary>
    private async Task RemoveEverythingAsync(CancellationToken cancellationToken)
    {
        foreach (var sandbox in await _sandboxes.ListPodSandboxesAsync(cancellationToken).ConfigureAwait(false))
        {
            await _sandboxes.StopPodSandboxAsync(sandbox.Id, cancellationToken).ConfigureAwait(false);
            await _sandboxes.RemovePodSandboxAsync(sandbox.Id, cancellationToken).ConfigureAwait(false);
        }
        if (Directory.Exists(_options.PodsDirectory))
        {
            foreach (var podDirectory in Directory.EnumerateDirectories(_options.PodsDirectory))
            {
                RemovePodDirectory(podDirectory);
            }
        }
        foreach (var pod in Store.Pods)
        {
            Store.RemovePod(ObjectStore.KeyOf(pod.Metadata));
        }
        if (Directory.Exists(_options.LogDirectory))
        {
            Directory.Delete(_options.LogDirectory, recursive: true);
        }
    }

    private void RemovePodDirectory(string podDirectory)
    {
        _context.SubPaths.CleanUp(podDirectory);
        _context.Volumes.TearDown(podDirectory);
        Directory.Delete(podDirectory, recursive: true);
    }

    private static bool IsTerminal(Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    private static partial class AdoptionLog
    {
        [LoggerMessage(101, LogLevel.Information, "Re-adopted pod {Pod}: {Sandboxes} sandbox(es), {Running} running container(s)")]
        public static partial void Adopted(ILogger logger, string pod, int sandboxes, int running);

        [LoggerMessage(102, LogLevel.Information, "Removing sandbox {SandboxId} of {Pod}, which no stored pod owns")]
        public static partial void RemovingOrphan(ILogger logger, string sandboxId, string pod);
    }
}
