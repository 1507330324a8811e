using Microsoft.Extensions.Logging;
using Tandem.Model.CoreV1;
using Tandem.Node.Store;
using Tandem.Node.Workers;

namespace Tandem.Node;

/// <summary>What the API server needs beyond <c>tandem run</c>: deletion that does not block the request, and updates of a running pod.</summary>
public sealed partial class Kubelet
{
    private readonly Dictionary<PodKey, Task> _deletions = [];

    /// <summary>
    /// Starts deleting a pod and returns at once (the apiserver sets deletionTimestamp and lets the kubelet finish):
    /// the node publishes the pod with its deletionTimestamp, terminates it in order and then publishes
    /// <see cref="PodRemoved"/>. A second call while the first runs can only shorten the grace period, as in
    /// Kubernetes. Returns false when there is no such pod.
    /// </summary>
    public bool BeginDelete(PodKey key, long? gracePeriodSeconds)
    {
        lock (_deletions)
        {
            if (_deletions.ContainsKey(key))
            {
                if (_workers.TryGetValue(key, out var running))
                {
                    running.RequestDeletion(Math.Max(0, gracePeriodSeconds ?? running.Pod.Spec?.TerminationGracePeriodSeconds ?? 30));
                }
                return true;
            }
            if (!_workers.ContainsKey(key) && Store.FindPod(key) is null)
            {
                return false;
            }
            _deletions[key] = FinishDeletionAsync(key, gracePeriodSeconds);
            return true;
        }
    }

    /// <summary>
    /// Passes the changes a running pod may take (labels, annotations, activeDeadlineSeconds,
    /// terminationGracePeriodSeconds, container images) to its worker; a changed image restarts that container
    /// (R14). The caller has validated the update. Returns false when the pod is not on the node.
    /// </summary>
    public bool Update(Pod pod)
    {
        var key = ObjectStore.KeyOf(pod.Metadata);
        if (_workers.TryGetValue(key, out var worker))
        {
            worker.Post(new WorkerSignal.PodUpdated(pod));
            return true;
        }
        if (Store.FindPod(key) is { } finished)
        {
            // A pod whose worker has ended (terminal) still takes metadata changes.
            var updated = finished with { Metadata = pod.Metadata, Spec = pod.Spec };
            Store.SavePod(updated);
            Notifications.Publish(new PodChanged(updated));
            return true;
        }
        return false;
    }

    private async Task FinishDeletionAsync(PodKey key, long? gracePeriodSeconds)
    {
        await Task.Yield();
        try
        {
            await DeleteAsync(key, gracePeriodSeconds, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The node is stopping; its own shutdown takes over.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogDeletionFailed(_logger, e, key.ToString());
        }
        finally
        {
            lock (_deletions)
            {
                _deletions.Remove(key);
            }
        }
    }

    [LoggerMessage(20, LogLevel.Warning, "Deleting pod {Pod} failed")]
    private static partial void LogDeletionFailed(ILogger logger, Exception exception, string pod);
}
