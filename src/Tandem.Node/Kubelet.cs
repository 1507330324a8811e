using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Model.CoreV1;
using Tandem.Node.Containers;
using Tandem.Node.Events;
using Tandem.Node.Handlers;
using Tandem.Node.Images;
using Tandem.Node.Lifecycle;
using Tandem.Node.Store;
using Tandem.Node.Volumes;
using Tandem.Node.Workers;
using Tandem.Runtime;

namespace Tandem.Node;

/// <summary>
/// The node agent: holds the desired objects (<see cref="ObjectStore"/>), runs one <see cref="PodWorker"/> per pod,
/// routes the runtime's container events to the worker whose sandbox they belong to, and records events. It is
/// usable in-process (<c>tandem run</c>, the tests) and is what the API server will serve.
/// </summary>
public sealed partial class Kubelet : IAsyncDisposable
{
    private readonly NodeOptions _options;
    private readonly ISandboxRuntime _sandboxes;
    private readonly IContainerRuntime _containers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<PodKey, PodWorker> _workers = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly PodWorkerContext _context;
    private FileStream? _lock;
    private Task _watch = Task.CompletedTask;
    private int _disposed;

    public Kubelet(NodeOptions options, ISandboxRuntime sandboxes, IContainerRuntime containers, IImageRuntime images,
        TimeProvider? time = null, ILoggerFactory? loggers = null, ITmpfsMounter? tmpfs = null, ISubPathMounter? subPaths = null)
    {
        _options = options;
        _sandboxes = sandboxes;
        _containers = containers;
        _time = time ?? TimeProvider.System;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<Kubelet>();
        Directory.CreateDirectory(options.StateDirectory);
        Store = new ObjectStore(options.StoreDirectory);
        Events = new EventRecorder(options.NodeName, _time);
        var facts = new PodFacts(options.NodeName, "127.0.0.1", "127.0.0.1", Environment.ProcessorCount, MemoryBytes(), DiskBytes(options.StateDirectory));
        subPaths ??= new LinuxSubPathMounter();
        _context = new PodWorkerContext(options, sandboxes, containers, new ImagePuller(images, _time),
            new VolumeManager(new VolumePayloads(Store, facts), tmpfs ?? new LinuxTmpfsMounter(), _time), subPaths,
            new ContainerConfigFactory(new EnvironmentBuilder(Store, facts), subPaths), new HandlerRunner(containers, _time),
            Events, Store, Notifications, _time, _logger);
    }

    public ObjectStore Store { get; }

    public EventRecorder Events { get; }

    public NodeNotifications Notifications { get; } = new();

    public NodeOptions Options => _options;

    /// <summary>
    /// Takes the state directory (one node per directory), then either re-adopts what an earlier node process left
    /// running (<see cref="NodeOptions.AdoptExisting"/>, the daemon) or removes all of it (<c>tandem run</c>), and starts
    /// following the runtime's container events.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <inheritdoc cref="StartAsync(CancellationToken)"/>
    /// <param name="recoverRuntime">
    /// Runs once the node holds its state directory and before it adopts anything: the runtime's own recovery (taking
    /// over the containers' output and exits), which must not run while another node process still owns them.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task StartAsync(Func<CancellationToken, Task>? recoverRuntime, CancellationToken cancellationToken)
    {
        _lock = NodeLock.Acquire(_options.StateDirectory);
        if (_options.AdoptExisting)
        {
            if (recoverRuntime is not null)
            {
                await recoverRuntime(cancellationToken).ConfigureAwait(false);
            }
            await AdoptAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RemoveEverythingAsync(cancellationToken).ConfigureAwait(false);
        }
        _watch = Task.Run(() => WatchRuntimeAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stores a ConfigMap or Secret (pods that refer to it read it when their containers start).</summary>
    public void Apply(ConfigMap configMap) => Store.SaveConfigMap(configMap);

    public void Apply(Secret secret) => Store.SaveSecret(secret);

    /// <summary>
    /// Admits a defaulted, validated pod: gives it a uid, binds it to this node, stores it and starts its worker.
    /// Fails when a pod of that name exists.
    /// </summary>
    public Pod Apply(Pod pod)
    {
        var now = _time.GetUtcNow();
        var metadata = (pod.Metadata ?? new Model.Meta.ObjectMeta()) with
        {
            Namespace = pod.Metadata?.Namespace ?? "default",
            Uid = Guid.NewGuid().ToString(),
            CreationTimestamp = now,
            ResourceVersion = "1",
        };
        var admitted = pod with
        {
            Metadata = metadata,
            Spec = (pod.Spec ?? new PodSpec()) with { NodeName = _options.NodeName },
            Status = new PodStatus { Phase = "Pending", QosClass = Status.PodQos.Classify(pod.Spec ?? new PodSpec()) },
        };
        var key = ObjectStore.KeyOf(metadata);
        var worker = new PodWorker(_context, admitted);
        if (!_workers.TryAdd(key, worker) || Store.FindPod(key) is not null)
        {
            _workers.TryRemove(KeyValuePair.Create(key, worker));
            throw new InvalidOperationException($"pods \"{key.Name}\" already exists in namespace \"{key.Namespace}\"");
        }
        Store.SavePod(admitted);
        Notifications.Publish(new PodChanged(admitted));
        var scheduled = Events.Record(admitted, new PodEvent(PodEvent.Normal, "Scheduled", $"Successfully assigned {key} to {_options.NodeName}"));
        Notifications.Publish(new EventRecorded(scheduled));
        worker.Start();
        return admitted;
    }

    public Pod? Get(PodKey key) => _workers.TryGetValue(key, out var worker) ? worker.Pod : Store.FindPod(key);

    public IReadOnlyList<Pod> List() => [.. Store.Pods.Select(p => Get(ObjectStore.KeyOf(p.Metadata)) ?? p)];

    /// <summary>
    /// Deletes a pod: its containers are terminated in Kubernetes order within <paramref name="gracePeriodSeconds"/>
    /// (the pod's own grace when null), then everything it had is removed, its logs included. Returns the final pod,
    /// or null when there was no such pod.
    /// </summary>
    public async Task<Pod?> DeleteAsync(PodKey key, long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        Pod? final;
        if (_workers.TryGetValue(key, out var worker))
        {
            var grace = gracePeriodSeconds ?? worker.Pod.Spec?.TerminationGracePeriodSeconds ?? 30;
            worker.RequestDeletion(Math.Max(0, grace));
            final = await worker.Finished.WaitAsync(cancellationToken).ConfigureAwait(false);
            // Two deletions of one pod (the API's and a node shutdown) both get here: only one disposes the worker.
            if (_workers.TryRemove(KeyValuePair.Create(key, worker)))
            {
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
        else
        {
            final = Store.FindPod(key);
            if (final is null)
            {
                return null;
            }
        }
        Store.RemovePod(key);
        var logs = _options.Logs.PodDirectory(final);
        if (Directory.Exists(logs))
        {
            Directory.Delete(logs, recursive: true);
        }
        Notifications.Publish(new PodRemoved(final));
        return final;
    }

    /// <summary>Completes when the pod is terminal (Succeeded or Failed) and everything it had on the machine is gone.</summary>
    public Task<Pod> WaitForFinishAsync(PodKey key, CancellationToken cancellationToken) =>
        _workers.TryGetValue(key, out var worker)
            ? worker.Finished.WaitAsync(cancellationToken)
            : Task.FromResult(Store.FindPod(key) ?? throw new InvalidOperationException($"pods \"{key.Name}\" not found"));

    /// <summary>Deletes every pod (each terminated in order, all at once), as a node shutting down does.</summary>
    public async Task DeleteAllAsync(long? gracePeriodSeconds, CancellationToken cancellationToken)
    {
        var keys = Store.Pods.Select(p => ObjectStore.KeyOf(p.Metadata)).ToList();
        await Task.WhenAll(keys.Select(k => DeleteAsync(k, gracePeriodSeconds, cancellationToken))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var worker in _workers.Values)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
        _workers.Clear();
        try
        {
            await _watch.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
        Notifications.Complete();
        if (_lock is not null)
        {
            await _lock.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    private async Task WatchRuntimeAsync(CancellationToken cancellationToken)
    {
        await foreach (var change in _containers.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var worker in _workers.Values)
            {
                if (worker.Owns(change.SandboxId))
                {
                    worker.Post(WorkerSignal.ContainersChanged.Instance);
                }
            }
        }
    }

    private static long MemoryBytes() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private static long DiskBytes(string path)
    {
        try
        {
            return new DriveInfo(path).TotalSize;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
