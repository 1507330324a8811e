using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;
using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Store;

namespace Tandem.Node.Workers;

/// <summary>
/// One pod's worker (the kubelet's <c>podWorkers</c> goroutine plus <c>SyncPod</c>): a single loop that owns the pod's
/// state and only moves it forward. Each turn it observes the runtime, asks <see cref="PodDecider"/> what happens next,
/// carries out the steps (<see cref="ContainerStarter"/>, <see cref="TerminationTracker"/>), and publishes the status
/// <see cref="PodStatusGenerator"/> computes. It wakes on a signal (a container changed, a probe or hook finished,
/// deletion) or when the clock reaches the next back-off, grace deadline, probe tick or resync.
/// </summary>
internal sealed partial class PodWorker : IAsyncDisposable
{
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromSeconds(2);

    private readonly PodWorkerContext _context;
    private readonly Channel<WorkerSignal> _signals = Channel.CreateUnbounded<WorkerSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<Pod> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ContainerStarter _starter;
    private readonly PodSandboxes _sandboxes;
    private readonly TerminationTracker _terminations = new();
    private readonly PodProbes _probes;
    private CancellationTokenSource _syncCancel = new();
    private PodSnapshot _snapshot;
    private Pod _pod;
    private string? _publishedJson;
    private DateTimeOffset? _retryAt;
    private bool _done;
    private bool _deadlineExceeded;
    private Task _loop = Task.CompletedTask;

    public PodWorker(PodWorkerContext context, Pod pod)
    {
        _context = context;
        _pod = pod;
        _snapshot = new PodSnapshot { Pod = pod };
        _starter = new ContainerStarter(context);
        _sandboxes = new PodSandboxes(context, pod);
        _probes = new PodProbes(pod.Spec ?? new PodSpec(), context.Time.GetUtcNow());
    }

    public PodKey Key => ObjectStore.KeyOf(_pod.Metadata);

    /// <summary>The pod with its last published status.</summary>
    public Pod Pod => Volatile.Read(ref _pod);

    /// <summary>Completes with the final pod once the pod is terminal or deleted and everything it had on the machine is gone.</summary>
    public Task<Pod> Finished => _finished.Task;

    public bool Owns(string sandboxId) => _sandboxes.SandboxIds.Contains(sandboxId);

    public void Start() => _loop = Task.Run(async () =>
    {
        try
        {
            await RunAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours must not leave callers waiting for a pod that will never finish.
            Log.WorkerCrashed(_context.Logger, e, Key.ToString());
            _finished.TrySetException(e);
        }
    });

    public void Post(WorkerSignal signal) => _signals.Writer.TryWrite(signal);

    /// <summary>Asks for the pod's deletion; a start in progress (a pull, a postStart hook) is abandoned at once.</summary>
    public void RequestDeletion(long gracePeriodSeconds)
    {
        Post(new WorkerSignal.DeletionRequested(gracePeriodSeconds));
        _syncCancel.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _signals.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }
        _stopping.Dispose();
        _syncCancel.Dispose();
    }

    private DateTimeOffset Now => _context.Time.GetUtcNow();

    private async Task RunAsync()
    {
        while (!_done && !_stopping.IsCancellationRequested)
        {
            try
            {
                await SyncAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failed step ends the sync; the next one retries (SyncPod's contract).
                Log.SyncFailed(_context.Logger, e, Key.ToString());
                _retryAt = Now + RetryAfterError;
            }
            if (_done)
            {
                return;
            }
            await WaitForWorkAsync().ConfigureAwait(false);
            while (_signals.Reader.TryRead(out var signal))
            {
                Handle(signal);
            }
        }
    }

    private async Task WaitForWorkAsync()
    {
        var now = Now;
        var wake = new[] { _retryAt, _terminations.NextDeadline, _probes.NextTickAt, now + _context.Options.ResyncInterval,
                _deadlineExceeded ? null : ActiveDeadline.ExpiresAt(_pod) }
            .Where(t => t is not null).Min()!.Value;
        if (wake <= now)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(wake - now);
        try
        {
            await _signals.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            // The clock reached the next deadline.
        }
    }

    private void Handle(WorkerSignal signal)
    {
        switch (signal)
        {
            case WorkerSignal.ProbeFinished probe:
                var (_, unhealthy) = _probes.Record(probe.Run, probe.Outcome);
                if (unhealthy is not null)
                {
                    Record(unhealthy);
                }
                break;
            case WorkerSignal.PreStopFinished hook:
                if (hook.Outcome.Result != Handlers.HandlerResult.Success)
                {
                    Record(new PodEvent(PodEvent.Warning, EventReasons.FailedPreStopHook, $"PreStopHook failed: {hook.Outcome.Output}", hook.Container));
                }
                Execute(_terminations.PreStopFinished(hook.Container, hook.ContainerId, Now));
                break;
            case WorkerSignal.DeletionRequested deletion:
                MarkDeleted(deletion.GracePeriodSeconds);
                break;
            case WorkerSignal.PodUpdated update:
                TakeUpdate(update.Pod);
                break;
            default:
                break;
        }
    }

    private void MarkDeleted(long grace)
    {
        var metadata = _pod.Metadata!;
        if (metadata.DeletionTimestamp is not null && metadata.DeletionGracePeriodSeconds <= grace)
        {
            return;
        }
        _pod = _pod with { Metadata = metadata with { DeletionTimestamp = metadata.DeletionTimestamp ?? Now, DeletionGracePeriodSeconds = grace } };
        _snapshot = _snapshot with { Pod = _pod };
        PublishPod();
    }

    // The node owns uid, timestamps and deletion; the rest of metadata and the (validated) spec come from the API. The
    // next sync acts on a changed image (R14) like the kubelet's computePodActions does.
    private void TakeUpdate(Pod pod)
    {
        var current = _pod.Metadata!;
        var metadata = (pod.Metadata ?? current) with
        {
            Uid = current.Uid,
            CreationTimestamp = current.CreationTimestamp,
            DeletionTimestamp = current.DeletionTimestamp,
            DeletionGracePeriodSeconds = current.DeletionGracePeriodSeconds,
        };
        _pod = _pod with { Metadata = metadata, Spec = pod.Spec ?? _pod.Spec };
        _snapshot = _snapshot with { Pod = _pod };
        PublishPod();
    }

    private void Record(PodEvent podEvent)
    {
        var recorded = _context.Events.Record(_pod, podEvent);
        _context.Notifications.Publish(new EventRecorded(recorded));
    }

    private void PublishPod()
    {
        _context.Store.SavePod(_pod);
        _context.Notifications.Publish(new PodChanged(_pod));
    }

    private void PublishStatus(DateTimeOffset now)
    {
        var status = PodStatusGenerator.Generate(_snapshot, _pod.Status, now) with
        {
            HostIP = "127.0.0.1",
            HostIPs = [new HostIp { Ip = "127.0.0.1" }],
            PodIP = _sandboxes.Current?.PodIp ?? _pod.Status?.PodIP,
            PodIPs = _sandboxes.Current is { } current ? [new PodIp { Ip = current.PodIp }] : _pod.Status?.PodIPs,
        };
        if (_deadlineExceeded)
        {
            status = ActiveDeadline.Apply(status);
        }
        _probes.TriggerReadiness(ReadinessTrigger.ContainersToProbeNow(_snapshot), now);
        var json = JsonSerializer.Serialize(status, KubernetesJsonContext.Default.PodStatus);
        if (json == _publishedJson)
        {
            return;
        }
        _publishedJson = json;
        _pod = _pod with { Status = status };
        _snapshot = _snapshot with { Pod = _pod };
        PublishPod();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Sync of pod {Pod} failed; retrying")]
        public static partial void SyncFailed(ILogger logger, Exception exception, string pod);

        [LoggerMessage(2, LogLevel.Warning, "Stopping container {ContainerId} of pod {Pod} failed")]
        public static partial void StopFailed(ILogger logger, Exception exception, string containerId, string pod);

        [LoggerMessage(4, LogLevel.Error, "The worker of pod {Pod} crashed")]
        public static partial void WorkerCrashed(ILogger logger, Exception exception, string pod);

        [LoggerMessage(3, LogLevel.Warning, "Cleaning up pod {Pod} failed")]
        public static partial void CleanUpFailed(ILogger logger, Exception exception, string pod);
    }
}
