using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Probing;

/// <summary>
/// The state of one probe worker (prober <c>worker.go</c>, R21–R26) for one (container, probe type), as an immutable
/// value: thresholds, the published result, the hold after a decisive result, and its tick schedule.
/// <para>
/// How an executor drives it: create it with <see cref="Create"/> at the first sync of the pod (it ticks at once,
/// R21) and keep it across container restarts, also for sidecars in Never pods (R25, fixed behaviour). When the
/// clock reaches <see cref="NextTickAt"/>: <c>worker = worker.Observe(target).Tick(now)</c>; if
/// <see cref="Gate"/> says <see cref="ProbeGate.Run"/>, run the probe with <see cref="Timeout"/> and feed the
/// outcome to <see cref="Record"/>. Publish <see cref="Result"/> whenever it changes. Call
/// <see cref="TriggerNow"/> to run a readiness probe at once for a started container whose readiness is unknown (R21).
/// </para>
/// </summary>
public sealed record ProbeWorker
{
    public required ProbeType Type { get; init; }

    public required string Container { get; init; }

    public ContainerKind Kind { get; init; }

    public int InitialDelaySeconds { get; init; }

    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    public int SuccessThreshold { get; init; } = 1;

    public int FailureThreshold { get; init; } = 3;

    /// <summary>The container instance the current result belongs to.</summary>
    public string? ContainerId { get; init; }

    /// <summary>The published result for <see cref="ContainerId"/>.</summary>
    public ProbeResult Result { get; init; } = ProbeResult.Unknown;

    public ProbeOutcome? LastOutcome { get; init; }

    public int ResultRun { get; init; }

    public bool OnHold { get; init; }

    public DateTimeOffset NextTickAt { get; init; }

    /// <summary>R23: readiness starts as Failure (not ready), liveness as Success, startup as Unknown (not started).</summary>
    public ProbeResult InitialValue => Type switch
    {
        ProbeType.Readiness => ProbeResult.Failure,
        ProbeType.Liveness => ProbeResult.Success,
        _ => ProbeResult.Unknown,
    };

    /// <summary>A worker for <paramref name="container"/>'s probe of <paramref name="type"/>, or null when it has none or is a regular init container (R21).</summary>
    public static ProbeWorker? Create(ProbeType type, Container container, ContainerKind kind, DateTimeOffset now)
    {
        var probe = type switch
        {
            ProbeType.Liveness => container.LivenessProbe,
            ProbeType.Readiness => container.ReadinessProbe,
            _ => container.StartupProbe,
        };
        if (probe is null || kind == ContainerKind.RegularInit)
        {
            return null;
        }
        // R5 defaults, in case the pod was not defaulted.
        return new ProbeWorker
        {
            Type = type,
            Container = container.Name!,
            Kind = kind,
            InitialDelaySeconds = probe.InitialDelaySeconds ?? 0,
            Period = TimeSpan.FromSeconds(probe.PeriodSeconds ?? 10),
            Timeout = TimeSpan.FromSeconds(probe.TimeoutSeconds ?? 1),
            SuccessThreshold = probe.SuccessThreshold ?? 1,
            FailureThreshold = probe.FailureThreshold ?? 3,
            NextTickAt = now,
        };
    }

    /// <summary>
    /// Catches up with the container (doProbe's first half): a new container id resets the result to the initial
    /// value and ends a hold; a container that is not running reads as Failure (R25).
    /// </summary>
    public ProbeWorker Observe(ProbeTarget target)
    {
        if (target.ContainerId is null)
        {
            return this;
        }
        var worker = this;
        if (target.ContainerId != ContainerId)
        {
            worker = this with { ContainerId = target.ContainerId, Result = InitialValue, OnHold = false, ResultRun = 0, LastOutcome = null };
        }
        if (!worker.OnHold && !target.Running)
        {
            worker = worker with { Result = ProbeResult.Failure };
        }
        return worker;
    }

    /// <summary>Moves the schedule on by one period (the worker's ticker).</summary>
    public ProbeWorker Tick(DateTimeOffset now) => this with { NextTickAt = now + Period };

    /// <summary>Schedules a run at once (R21: readiness of a started container whose result is still unknown).</summary>
    public ProbeWorker TriggerNow(DateTimeOffset now) => this with { NextTickAt = now };

    /// <summary>Whether the probe runs now (R22, R23, R25, R26). Call after <see cref="Observe"/> with the same target.</summary>
    public ProbeGate Gate(ProbeTarget target, DateTimeOffset now)
    {
        if (target.ContainerId is null)
        {
            return ProbeGate.NoContainer;
        }
        if (OnHold)
        {
            return ProbeGate.OnHold;
        }
        if (!target.Running)
        {
            return ProbeGate.NotRunning;
        }
        if (target.PodTerminating && Kind == ContainerKind.Regular && Type != ProbeType.Readiness)
        {
            return ProbeGate.StoppedForTermination;
        }
        // The elapsed time is truncated to whole seconds before it is compared.
        if (target.StartedAt is { } startedAt && Math.Floor((now - startedAt).TotalSeconds) < InitialDelaySeconds)
        {
            return ProbeGate.InitialDelay;
        }
        if (target.Started)
        {
            return Type == ProbeType.Startup ? ProbeGate.AlreadyStarted : ProbeGate.Run;
        }
        return Type == ProbeType.Startup ? ProbeGate.Run : ProbeGate.NotStarted;
    }

    /// <summary>
    /// Records a run (R23): a result is published after <c>failureThreshold</c> consecutive failures or
    /// <c>successThreshold</c> consecutive successes; errors are discarded (R24). A published liveness failure or
    /// any published startup result puts the worker on hold until a new container id.
    /// </summary>
    public ProbeRecord Record(ProbeOutcome outcome, string? output = null)
    {
        if (outcome == ProbeOutcome.Error)
        {
            return new ProbeRecord(this, null, null);
        }
        var unhealthy = outcome == ProbeOutcome.Failure
            ? new PodEvent(PodEvent.Warning, EventReasons.Unhealthy, $"{Type} probe failed: {output}", Container)
            : null;
        var run = LastOutcome == outcome ? ResultRun + 1 : 1;
        var worker = this with { LastOutcome = outcome, ResultRun = run };
        var threshold = outcome == ProbeOutcome.Failure ? FailureThreshold : SuccessThreshold;
        if (run < threshold)
        {
            return new ProbeRecord(worker, null, unhealthy);
        }
        var result = outcome == ProbeOutcome.Success ? ProbeResult.Success : ProbeResult.Failure;
        var changed = result != Result;
        worker = worker with { Result = result };
        if ((Type == ProbeType.Liveness && result == ProbeResult.Failure) || Type == ProbeType.Startup)
        {
            worker = worker with { OnHold = true, ResultRun = 0 };
        }
        return new ProbeRecord(worker, changed ? result : null, unhealthy);
    }
}
