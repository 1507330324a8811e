using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;
using Tandem.Node.Termination;
using Tandem.Node.Volumes;
using Tandem.Runtime;

namespace Tandem.Node.Workers;

/// <summary>One sync: observe, decide, act, publish (the kubelet's <c>SyncPod</c> in its numbered steps).</summary>
internal sealed partial class PodWorker
{
    private static readonly TimeSpan MountRetry = TimeSpan.FromSeconds(2);

    private async Task SyncAsync()
    {
        if (_syncCancel.IsCancellationRequested)
        {
            _syncCancel.Dispose();
            _syncCancel = new CancellationTokenSource();
        }
        var token = _syncCancel.Token;
        await ObserveAsync().ConfigureAwait(false);
        if (_done)
        {
            return;
        }
        foreach (var run in _probes.Due(_snapshot, Now))
        {
            RunProbe(run);
        }
        var now = Now;
        if (IsDeletedAndIdle())
        {
            // SyncTerminatingPod with nothing left to stop (a pod deleted before its sandbox existed).
            _snapshot = _snapshot with { TerminationFinished = true };
            PublishStatus(now);
            await FinishAsync().ConfigureAwait(false);
            return;
        }
        if (!_deadlineExceeded && !_snapshot.TerminationInProgress && !_snapshot.DeletionRequested && ActiveDeadline.IsExceeded(_pod, now))
        {
            await ExceedDeadlineAsync(now).ConfigureAwait(false);
            PublishStatus(Now);
            return;
        }
        var actions = PodDecider.Decide(_snapshot, now);
        _snapshot = _snapshot.Apply(actions, now);
        _retryAt = actions.NextRetryAt;
        foreach (var podEvent in actions.Events)
        {
            Record(podEvent);
        }
        try
        {
            foreach (var step in actions.Steps)
            {
                if (!await ExecuteAsync(step, token).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            // Deletion arrived while a step ran: the next sync terminates the pod.
        }
        if (actions.Steps.Count > 0)
        {
            await ObserveAsync().ConfigureAwait(false);
        }
        if (!_done)
        {
            PublishStatus(Now);
            await RemoveOldInstancesAsync().ConfigureAwait(false);
        }
    }

    // The kubelet's container GC keeps one dead instance per container (MaxPerPodContainer = 1): older ones go with
    // their rootfs, mounts and logs; the newest and the one before it stay, for status (R30) and for logs --previous.
    private async Task RemoveOldInstancesAsync()
    {
        foreach (var observation in _snapshot.Containers.Values)
        {
            foreach (var old in observation.Instances.SkipLast(2).Where(i => i.IsExited))
            {
                await _context.Containers.RemoveContainerAsync(old.Id, _stopping.Token).ConfigureAwait(false);
                var log = _context.Options.Logs.InstanceLog(_pod, observation.Name, old.Attempt);
                var directory = Path.GetDirectoryName(log)!;
                if (Directory.Exists(directory))
                {
                    foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(log) + "*"))
                    {
                        File.Delete(file);
                    }
                }
            }
        }
    }

    // The kubelet kills a pod past its deadline like a deletion (its own grace, the same ordering) but keeps it.
    private async Task ExceedDeadlineAsync(DateTimeOffset now)
    {
        _deadlineExceeded = true;
        Record(new PodEvent(PodEvent.Warning, ActiveDeadline.Reason, ActiveDeadline.EventMessage));
        var running = _snapshot.Containers.Values.Where(c => c.Latest?.IsRunning == true).Select(c => c.Name).ToHashSet();
        var plan = Termination.TerminationPlan.ForPod(_pod, running);
        foreach (var name in running)
        {
            Record(new PodEvent(PodEvent.Normal, EventReasons.Killing, $"Stopping container {name}", name));
        }
        _snapshot = _snapshot with { TerminationInProgress = true };
        Execute(_terminations.BeginPod(new KillPodAction(TerminationCause.Completed, plan), _snapshot, now));
        if (_terminations.PodPlan!.IsComplete)
        {
            await EndPodTerminationAsync().ConfigureAwait(false);
        }
    }

    private bool IsDeletedAndIdle() =>
        _snapshot.DeletionRequested && !_snapshot.TerminationInProgress && _snapshot.Sandbox == SandboxState.None
        && _snapshot.ContainersBeingKilled.IsEmpty && !_snapshot.Containers.Values.Any(c => c.Latest?.IsRunning == true);

    /// <summary>Reads what the runtime says about the pod's containers and sandbox, and moves the terminations on.</summary>
    private async Task ObserveAsync()
    {
        var statuses = new List<Runtime.ContainerStatus>();
        foreach (var sandbox in _sandboxes.SandboxIds)
        {
            statuses.AddRange(await _context.Containers.ListContainersAsync(sandbox, _stopping.Token).ConfigureAwait(false));
        }
        _probes.Retain(statuses.Select(s => s.Id));
        var sandboxState = await _sandboxes.ObserveAsync(_stopping.Token).ConfigureAwait(false);
        _snapshot = _snapshot.WithRuntimeStatuses(statuses, _probes.Results) with { Sandbox = sandboxState };
        var now = Now;
        var (steps, podComplete, killsComplete) = _terminations.Observe(_snapshot, now);
        if (killsComplete.Count > 0)
        {
            _snapshot = _snapshot with { ContainersBeingKilled = _snapshot.ContainersBeingKilled.Except(killsComplete) };
        }
        Execute(steps);
        if (podComplete)
        {
            await EndPodTerminationAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> ExecuteAsync(PodAction step, CancellationToken token)
    {
        var now = Now;
        switch (step)
        {
            case KillPodAction killPod:
                _snapshot = _snapshot with { TerminationInProgress = true };
                Execute(_terminations.BeginPod(killPod, _snapshot, now));
                if (_terminations.PodPlan!.IsComplete)
                {
                    await EndPodTerminationAsync().ConfigureAwait(false);
                }
                // Nothing else happens in this sync: a sandbox change recreates the sandbox once the kill is over.
                return false;
            case KillContainerAction kill:
                _snapshot = _snapshot with { ContainersBeingKilled = _snapshot.ContainersBeingKilled.Add(kill.Name) };
                Execute(_terminations.BeginKill(kill, now));
                return true;
            case CreateSandboxAction create:
                return await CreateSandboxAsync(create, token).ConfigureAwait(false);
            case StartContainerAction start:
                return await StartAsync(start, token).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"unknown pod action {step}");
        }
    }

    private async Task<bool> CreateSandboxAsync(CreateSandboxAction create, CancellationToken token)
    {
        try
        {
            await _sandboxes.CreateAsync(create.Attempt, token).ConfigureAwait(false);
        }
        catch (VolumeSetupError e)
        {
            // The kubelet keeps the pod in ContainerCreating and retries the mount.
            Record(new PodEvent(PodEvent.Warning, "FailedMount", e.EventMessage));
            _retryAt = Now + MountRetry;
            return false;
        }
        catch (Exception e) when (e is RuntimeException or IOException or UnauthorizedAccessException)
        {
            Record(new PodEvent(PodEvent.Warning, "FailedCreatePodSandBox", $"Failed to create pod sandbox: {e.Message}"));
            _retryAt = Now + RetryAfterError;
            return false;
        }
        _snapshot = _snapshot with { Sandbox = SandboxState.Ready, SandboxAttempts = _snapshot.SandboxAttempts + 1 };
        return true;
    }

    private async Task<bool> StartAsync(StartContainerAction start, CancellationToken token)
    {
        if (_sandboxes.Current is not { } runtime)
        {
            return false;
        }
        var outcome = await _starter.StartAsync(_pod, start, runtime, Record, token).ConfigureAwait(false);
        var now = Now;
        var observation = _snapshot.Find(start.Name) ?? new ContainerObservation { Name = start.Name };
        if (outcome.Failure is { } failure)
        {
            _snapshot = _snapshot.With(observation with { LastStartFailure = failure });
            if (failure.Reason == StartFailureReasons.ErrImagePull)
            {
                // R11: the next attempt waits for the image pull back-off.
                _snapshot = _snapshot with { ImagePullBackOff = _snapshot.ImagePullBackOff.Next(start.Spec.Image!, now, now) };
            }
            return !start.AbortSyncOnFailure;
        }
        _snapshot = _snapshot.With(observation with { LastStartFailure = null });
        if (outcome.PostStartFailed)
        {
            // R7c: kill it with the pod's grace; the ordinary rules decide whether it restarts.
            var (kill, warning, hookFailure) = PostStartFailure.Handle(_snapshot, start, outcome.ContainerId!, outcome.HookMessage, now);
            Record(warning);
            _snapshot = _snapshot.With((_snapshot.Find(start.Name) ?? observation) with { LastStartFailure = hookFailure });
            _snapshot = _snapshot with { ContainersBeingKilled = _snapshot.ContainersBeingKilled.Add(kill.Name) };
            Execute(_terminations.BeginKill(kill, now));
            return !start.AbortSyncOnFailure;
        }
        return true;
    }

    /// <summary>
    /// Every container of a pod termination has exited. A sandbox change goes on with a new sandbox; any other cause
    /// ends the pod: the final status (T7), then the sandbox, mounts and volumes go.
    /// </summary>
    private async Task EndPodTerminationAsync()
    {
        var cause = _terminations.PodCause;
        _terminations.EndPod();
        if (cause == TerminationCause.SandboxChanged)
        {
            await _sandboxes.StopCurrentAsync(_stopping.Token).ConfigureAwait(false);
            _snapshot = _snapshot with { TerminationInProgress = false, Sandbox = SandboxState.None };
            return;
        }
        _snapshot = _snapshot with { TerminationInProgress = false, TerminationFinished = true };
        PublishStatus(Now);
        await FinishAsync().ConfigureAwait(false);
    }

    private async Task FinishAsync()
    {
        try
        {
            await _sandboxes.RemoveAllAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RuntimeException or IOException or UnauthorizedAccessException)
        {
            Log.CleanUpFailed(_context.Logger, e, Key.ToString());
        }
        // The kubelet's terminated pod keeps the status of a stopped sandbox (syncTerminatedPod regenerates it after
        // killPod): PodReadyToStartContainers=False. Without this the final pod kept the True of the status above (SC-01).
        _snapshot = _snapshot with { Sandbox = SandboxState.None };
        PublishStatus(Now);
        _done = true;
        _finished.TrySetResult(_pod);
    }

    private void Execute(IReadOnlyList<DueStep> steps)
    {
        foreach (var due in steps)
        {
            if (due.Step.Kind == TerminationStepKind.RunPreStop)
            {
                RunPreStop(due);
            }
            else
            {
                Stop(due);
            }
        }
    }

    private void RunPreStop(DueStep due)
    {
        var name = due.Step.Container;
        var container = ContainerRoles.Find(_snapshot.Spec, name)!.Value.Container;
        if (container.Lifecycle?.PreStop is not { } hook || _sandboxes.Current is not { } runtime)
        {
            Post(new WorkerSignal.PreStopFinished(name, due.ContainerId, Handlers.HandlerOutcome.Success()));
            return;
        }
        var target = runtime.TargetOf(due.ContainerId, container);
        _ = Task.Run(async () =>
        {
            Handlers.HandlerOutcome outcome;
            try
            {
                outcome = await _context.Handlers.RunHookAsync(hook, target, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is RuntimeException or IOException)
            {
                outcome = Handlers.HandlerOutcome.Error(e.Message);
            }
            Post(new WorkerSignal.PreStopFinished(name, due.ContainerId, outcome));
        });
    }

    private void Stop(DueStep due)
    {
        var grace = TimeSpan.FromSeconds(due.Step.GracePeriodSeconds);
        _ = Task.Run(async () =>
        {
            try
            {
                await _context.Containers.StopContainerAsync(due.ContainerId, grace, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RuntimeException e)
            {
                Log.StopFailed(_context.Logger, e, due.ContainerId, Key.ToString());
            }
            Post(WorkerSignal.ContainersChanged.Instance);
        });
    }

    private void RunProbe(ProbeRun run)
    {
        var container = ContainerRoles.Find(_snapshot.Spec, run.Container)!.Value.Container;
        if (_sandboxes.Current is not { } runtime)
        {
            Post(new WorkerSignal.ProbeFinished(run, Handlers.HandlerOutcome.Error("the pod has no sandbox")));
            return;
        }
        var target = runtime.TargetOf(run.ContainerId, container);
        _ = Task.Run(async () =>
        {
            Handlers.HandlerOutcome outcome;
            try
            {
                outcome = await _context.Handlers.ProbeAsync(run.Probe, target, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is RuntimeException or IOException)
            {
                outcome = Handlers.HandlerOutcome.Error(e.Message);
            }
            Post(new WorkerSignal.ProbeFinished(run, outcome));
        });
    }
}
