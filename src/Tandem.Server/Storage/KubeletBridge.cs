using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tandem.Model.CoreV1;
using Tandem.Node;

namespace Tandem.Server.Storage;

/// <summary>
/// Keeps the store's pods and events in step with the node: every <see cref="PodChanged"/> becomes a new version of
/// the pod (ADDED or MODIFIED), <see cref="PodRemoved"/> a DELETED with the final object, <see cref="EventRecorded"/>
/// an event version. The node is the only writer of pods; the API's writes go through it and show up here.
/// </summary>
internal sealed partial class KubeletBridge : IAsyncDisposable
{
    /// <summary>The newest events kept (the kubelet's recorder keeps the same number).</summary>
    public const int EventCapacity = 1000;

    private readonly Kubelet _kubelet;
    private readonly ResourceStore _store;
    private readonly ILogger _logger;
    private readonly ChannelReader<NodeNotification> _notifications;
    private readonly HashSet<string> _forgotten = [];
    private readonly Queue<(string Namespace, string Name)> _eventOrder = new();
    private readonly Task _loop;

    public KubeletBridge(Kubelet kubelet, ResourceStore store, ILogger logger)
    {
        _kubelet = kubelet;
        _store = store;
        _logger = logger;
        // Subscribed before the first read, so nothing published in between is missed (a repeat is harmless).
        _notifications = kubelet.Notifications.Subscribe();
        foreach (var pod in kubelet.List())
        {
            Take(new PodChanged(pod));
        }
        foreach (var recorded in kubelet.Events.List())
        {
            Take(new EventRecorded(recorded));
        }
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Removes a pod from the API at once while the node still kills it (<c>gracePeriodSeconds=0</c>); later news
    /// about that uid is ignored.
    /// </summary>
    public void Forget(Pod pod)
    {
        var uid = pod.Metadata?.Uid ?? "";
        lock (_forgotten)
        {
            _forgotten.Add(uid);
        }
        _store.Remove(ResourceKinds.Pods, pod.Metadata?.Namespace ?? "", pod.Metadata?.Name ?? "", uid);
    }

    public async ValueTask DisposeAsync()
    {
        // The loop ends when the node completes its notifications; the server may stop first.
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromMilliseconds(100))).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var notification in _notifications.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Take(notification);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogTakeFailed(_logger, e, notification.GetType().Name);
            }
        }
    }

    private void Take(NodeNotification notification)
    {
        switch (notification)
        {
            case PodChanged { Pod: var pod } when !IsForgotten(pod):
                var current = _store.Get(ResourceKinds.Pods, pod.Metadata?.Namespace ?? "", pod.Metadata?.Name ?? "");
                if (current is not null && (ReferenceEquals(current.Source, pod) || (current.Uid != pod.Metadata?.Uid && current.Object.Metadata?.DeletionTimestamp is null)))
                {
                    // A repeat, or a stale notification about an earlier pod of the same name.
                    return;
                }
                _store.Put(ResourceKinds.Pods, PreserveApiFields(pod, current), pod);
                break;
            case PodRemoved { Pod: var pod }:
                _store.Remove(ResourceKinds.Pods, pod.Metadata?.Namespace ?? "", pod.Metadata?.Name ?? "", pod.Metadata?.Uid, PreserveApiFields(pod, null));
                lock (_forgotten)
                {
                    _forgotten.Remove(pod.Metadata?.Uid ?? "");
                }
                break;
            case EventRecorded { Event: var recorded }:
                var key = (recorded.Metadata?.Namespace ?? "", recorded.Metadata?.Name ?? "");
                if (_store.Get(ResourceKinds.Events, key.Item1, key.Item2) is null)
                {
                    _eventOrder.Enqueue(key);
                }
                _store.Put(ResourceKinds.Events, recorded);
                while (_eventOrder.Count > EventCapacity && _eventOrder.TryDequeue(out var oldest))
                {
                    _store.Remove(ResourceKinds.Events, oldest.Namespace, oldest.Name);
                }
                break;
            default:
                break;
        }
    }

    // managedFields belong to the API: when the node's copy has none, they carry over from the stored version.
    private static Pod PreserveApiFields(Pod pod, StoredObject? current)
    {
        var managed = current?.Object.Metadata?.ManagedFields;
        return managed is null || pod.Metadata is null || pod.Metadata.ManagedFields is not null
            ? pod
            : pod with { Metadata = pod.Metadata with { ManagedFields = managed } };
    }

    private bool IsForgotten(Pod pod)
    {
        lock (_forgotten)
        {
            return _forgotten.Contains(pod.Metadata?.Uid ?? "");
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Taking node notification {Notification} into the API store failed")]
    private static partial void LogTakeFailed(ILogger logger, Exception exception, string notification);
}
