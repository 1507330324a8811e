using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Termination;

/// <summary>
/// The kubelet's termination algorithm (§1.H: <c>killContainersWithSyncResult</c>, <c>killContainer</c>,
/// <c>terminationOrdering</c>) as an immutable state machine over time, for an impure executor to drive.
/// <para>
/// How to drive it: build it with <see cref="ForPod"/> (deletion, completion R17, failed init R9) or
/// <see cref="ForContainer"/> (a single kill: probe failure, definition change, failed postStart); call
/// <see cref="Begin"/> once and carry out the returned steps (<c>RunPreStop</c>: start the hook and report
/// <see cref="PreStopFinished"/> when it returns; <c>Stop</c>: CRI <c>StopContainer(id, g)</c>, i.e. stop signal
/// then SIGKILL after g seconds, and report <see cref="Exited"/>). Whenever the clock reaches
/// <see cref="NextDeadline"/>, call <see cref="Tick"/>. Every call returns the next plan and the steps now due.
/// The termination is over when <see cref="IsComplete"/>; then stop the sandbox.
/// </para>
/// </summary>
public sealed record TerminationPlan
{
    public IReadOnlyList<ContainerTermination> Containers { get; init; } = [];

    /// <summary>True when the pod has a sidecar: sidecars then wait for their turn (reverse order, T3).</summary>
    public bool Ordered { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Every container that was running has exited.</summary>
    public bool IsComplete => Containers.All(c => c.Released);

    /// <summary>The earliest moment a preStop or a wait for a turn runs out of grace; call <see cref="Tick"/> then.</summary>
    public DateTimeOffset? NextDeadline => Containers
        .Where(c => c.Stage is TerminationStage.PreStop or TerminationStage.WaitingForTurn)
        .Select(c => c.StageStartedAt!.Value + TimeSpan.FromSeconds(c.Stage == TerminationStage.PreStop ? c.InitialGrace : c.RemainingGrace))
        .Order()
        .Cast<DateTimeOffset?>()
        .FirstOrDefault();

    public ContainerTermination? Find(string name) => Containers.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// A plan for the whole pod: every spec container, those in <paramref name="running"/> to be killed. The grace
    /// is <paramref name="gracePeriodOverride"/> if given, else <paramref name="containerGrace"/> for that container
    /// (a probe's grace when the pod ends because of that probe), else the deletion grace, else the spec's (T8).
    /// </summary>
    public static TerminationPlan ForPod(Pod pod, IReadOnlyCollection<string> running, long? gracePeriodOverride = null,
        IReadOnlyDictionary<string, long>? containerGrace = null)
    {
        var spec = pod.Spec ?? new PodSpec();
        var ordered = ContainerRoles.InitContainers(spec).Any(ContainerRoles.IsSidecar);
        var regular = ContainerRoles.Containers(spec).Select(c => c.Name!).ToList();
        var containers = new List<ContainerTermination>();
        foreach (var (container, kind) in ContainerRoles.All(spec))
        {
            var grace = gracePeriodOverride
                ?? (containerGrace is not null && containerGrace.TryGetValue(container.Name!, out var own) ? own : GracePeriods.ForContainer(pod, container, null));
            containers.Add(new ContainerTermination
            {
                Name = container.Name!,
                Kind = kind,
                Running = running.Contains(container.Name!),
                HasPreStop = container.Lifecycle?.PreStop is not null,
                InitialGrace = grace,
                RemainingGrace = grace,
                Prerequisites = ordered && kind == ContainerKind.Sidecar ? Prerequisites(spec, container, regular) : [],
            });
        }
        return new TerminationPlan { Containers = containers, Ordered = ordered };
    }

    /// <summary>A plan for one container outside a pod termination: no ordering, the grace of its kill reason (R16).</summary>
    public static TerminationPlan ForContainer(Pod pod, string name, KillReason? reason)
    {
        var (container, kind) = ContainerRoles.Find(pod.Spec ?? new PodSpec(), name)
            ?? throw new ArgumentException($"pod has no container named '{name}'", nameof(name));
        var grace = GracePeriods.ForContainer(pod, container, reason);
        return new TerminationPlan
        {
            Containers =
            [
                new ContainerTermination
                {
                    Name = name,
                    Kind = kind,
                    HasPreStop = container.Lifecycle?.PreStop is not null,
                    InitialGrace = grace,
                    RemainingGrace = grace,
                },
            ],
        };
    }

    /// <summary>Starts every clock at once (T4): preStop hooks everywhere (T1, T2), stop signals where nothing is to wait for.</summary>
    public TerminationUpdate Begin(DateTimeOffset now)
    {
        var steps = new List<TerminationStep>();
        var containers = Containers.Select(c =>
        {
            if (!c.Running || c.Stage != TerminationStage.Pending)
            {
                return c;
            }
            // KC:793-795: preStop only runs when there is grace left; grace 0 skips it (T8).
            if (c.HasPreStop && c.InitialGrace > 0)
            {
                steps.Add(new TerminationStep(TerminationStepKind.RunPreStop, c.Name, c.InitialGrace));
                return c with { Stage = TerminationStage.PreStop, StageStartedAt = now };
            }
            return c with { Stage = TerminationStage.WaitingForTurn, StageStartedAt = now };
        }).ToList();
        return (this with { Containers = containers, StartedAt = now }).Settle(now, steps);
    }

    /// <summary>A preStop hook returned: the grace shrinks by the whole seconds it took (floor, P15).</summary>
    public TerminationUpdate PreStopFinished(string name, DateTimeOffset now) =>
        Replace(name, c => c.Stage == TerminationStage.PreStop ? LeavePreStop(c, now) : c).Settle(now, []);

    /// <summary>A container exited (by itself or after the stop signal); its latch is released once it was sent the stop signal.</summary>
    public TerminationUpdate Exited(string name, DateTimeOffset now) =>
        Replace(name, c => c with { HasExited = true, Stage = c.Stage == TerminationStage.Stopping ? TerminationStage.Exited : c.Stage })
            .Settle(now, []);

    /// <summary>The clock moved: preStops and waits whose grace ran out move on (emergency termination, T4).</summary>
    public TerminationUpdate Tick(DateTimeOffset now) => Settle(now, []);

    private TerminationPlan Replace(string name, Func<ContainerTermination, ContainerTermination> change) =>
        this with { Containers = Containers.Select(c => c.Name == name ? change(c) : c).ToList() };

    // Moves containers on until nothing changes, because one release can let the next sidecar go (T3).
    private TerminationUpdate Settle(DateTimeOffset now, List<TerminationStep> steps)
    {
        var containers = Containers.ToList();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < containers.Count; i++)
            {
                var before = containers[i];
                var after = Advance(before, containers, now, steps);
                if (after != before)
                {
                    containers[i] = after;
                    changed = true;
                }
            }
        }
        while (changed);
        return new TerminationUpdate(this with { Containers = containers }, steps);
    }

    private ContainerTermination Advance(ContainerTermination c, IReadOnlyList<ContainerTermination> all, DateTimeOffset now, List<TerminationStep> steps)
    {
        switch (c.Stage)
        {
            case TerminationStage.PreStop when now >= c.StageStartedAt!.Value + TimeSpan.FromSeconds(c.InitialGrace):
                // The hook is raced against the grace and not cancelled (KC:698-707).
                return LeavePreStop(c, now);
            case TerminationStage.WaitingForTurn:
                var turn = !Ordered || c.RemainingGrace <= 0 || c.Prerequisites.All(p => all.First(o => o.Name == p).Released);
                var timedOut = now >= c.StageStartedAt!.Value + TimeSpan.FromSeconds(c.RemainingGrace);
                if (!turn && !timedOut)
                {
                    return c;
                }
                // KC:797-807: the wait is truncated to whole seconds, then at least 2 s are given.
                var grace = Math.Max(c.RemainingGrace - WholeSeconds(now - c.StageStartedAt!.Value), GracePeriods.Minimum);
                steps.Add(new TerminationStep(TerminationStepKind.Stop, c.Name, grace));
                return c with
                {
                    Stage = c.HasExited ? TerminationStage.Exited : TerminationStage.Stopping,
                    StageStartedAt = now,
                    StopGrace = grace,
                    RemainingGrace = grace,
                };
            default:
                return c;
        }
    }

    private static ContainerTermination LeavePreStop(ContainerTermination c, DateTimeOffset now) => c with
    {
        Stage = TerminationStage.WaitingForTurn,
        RemainingGrace = c.InitialGrace - WholeSeconds(now - c.StageStartedAt!.Value),
        StageStartedAt = now,
    };

    private static long WholeSeconds(TimeSpan elapsed) => (long)Math.Floor(elapsed.TotalSeconds);

    // KT:43-127: a sidecar waits for every regular container and for the next sidecar after it in spec order.
    private static IReadOnlyList<string> Prerequisites(PodSpec spec, Container sidecar, IReadOnlyList<string> regular)
    {
        var init = ContainerRoles.InitContainers(spec);
        var index = init.ToList().FindIndex(c => c.Name == sidecar.Name);
        var later = init.Skip(index + 1).FirstOrDefault(ContainerRoles.IsSidecar);
        return later is null ? regular : [.. regular, later.Name!];
    }
}
