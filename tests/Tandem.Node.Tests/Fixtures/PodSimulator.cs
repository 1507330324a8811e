using System.Collections.Immutable;
using Tandem.Model.CoreV1;
using ContainerStatus = Tandem.Model.CoreV1.ContainerStatus;
using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Termination;
using ContainerState = Tandem.Runtime.ContainerState;
using Tandem.Testing;

namespace Tandem.Node.Tests.Fixtures;

/// <summary>
/// A fake pod worker for scenario tests: it feeds snapshots to <see cref="PodDecider"/>, carries out the steps
/// instantly on a fake runtime (starts succeed unless told otherwise), publishes status and collects events,
/// under a <see cref="ManualTimeProvider"/>. Container exits, probe results and failures are scripted by the test.
/// </summary>
internal sealed class PodSimulator
{
    private readonly Dictionary<string, StartFailure> _nextStartFailures = [];
    private int _ids;

    public PodSimulator(Pod pod) => Snapshot = new PodSnapshot { Pod = pod };

    public ManualTimeProvider Clock { get; } = new();

    public PodSnapshot Snapshot { get; private set; }

    public PodStatus? Status { get; private set; }

    public List<PodEvent> Events { get; } = [];

    public List<PodActions> History { get; } = [];

    public TerminationPlan? Termination { get; private set; }

    /// <summary>Every step the termination plans asked for, in order.</summary>
    public List<TerminationStep> TerminationSteps { get; } = [];

    public DateTimeOffset Now => Clock.GetUtcNow();

    public string Phase => Status!.Phase!;

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>One sync: decide, record, act, publish status.</summary>
    public PodActions Sync()
    {
        var actions = PodDecider.Decide(Snapshot, Now);
        History.Add(actions);
        Snapshot = Snapshot.Apply(actions, Now);
        Events.AddRange(actions.Events);
        foreach (var step in actions.Steps)
        {
            if (!Execute(step))
            {
                break;
            }
        }
        Publish();
        return actions;
    }

    /// <summary>Syncs until a sync does nothing; returns the number of syncs that acted.</summary>
    public int SyncUntilIdle(int max = 20)
    {
        for (var i = 0; i < max; i++)
        {
            if (Sync().IsEmpty)
            {
                return i;
            }
        }
        return max;
    }

    public void Publish() => Status = PodStatusGenerator.Generate(Snapshot, Status, Now);

    public void FailNextStart(string name, string reason, string message = "failed") => _nextStartFailures[name] = new StartFailure(reason, message, Now);

    public void Exit(string name, int exitCode)
    {
        var container = Snapshot.Find(name)!;
        var latest = container.Latest!;
        var exited = latest with { State = ContainerState.Exited, ExitCode = exitCode, FinishedAt = Now, Reason = exitCode == 0 ? "Completed" : "Error" };
        Snapshot = Snapshot.With(container with { Instances = [.. container.Instances.SkipLast(1), exited] });
        if (Termination is not null)
        {
            var update = Termination.Exited(name, Now);
            TerminationSteps.AddRange(update.Steps);
            update = update.Plan.Tick(Now);
            Termination = update.Plan;
            TerminationSteps.AddRange(update.Steps);
            if (Termination.IsComplete)
            {
                FinishTermination();
            }
        }
        Publish();
    }

    public void SetProbe(string name, ProbeType type, ProbeResult result)
    {
        var container = Snapshot.Find(name)!;
        var latest = container.Latest! with { Probes = container.Latest!.Probes.With(type, result) };
        Snapshot = Snapshot.With(container with { Instances = [.. container.Instances.SkipLast(1), latest] });
        Publish();
    }

    public void Delete(long grace) => Snapshot = Snapshot with
    {
        Pod = Snapshot.Pod with { Metadata = Snapshot.Pod.Metadata! with { DeletionTimestamp = Now, DeletionGracePeriodSeconds = grace } },
    };

    public ContainerStatus StatusOf(string name) =>
        (Status!.InitContainerStatuses ?? []).Concat(Status.ContainerStatuses ?? []).Single(s => s.Name == name);

    public PodCondition Condition(string type) => Status!.Conditions!.Single(c => c.Type == type);

    /// <summary>The containers sent the stop signal, in order.</summary>
    public IEnumerable<string> Stopped => TerminationSteps.Where(s => s.Kind == TerminationStepKind.Stop).Select(s => s.Container);

    public bool IsRunning(string name) => Snapshot.Latest(name)?.IsRunning == true;

    private bool Execute(PodAction step)
    {
        switch (step)
        {
            case CreateSandboxAction:
                Snapshot = Snapshot with { Sandbox = SandboxState.Ready, SandboxAttempts = Snapshot.SandboxAttempts + 1 };
                return true;
            case KillContainerAction kill:
                // The fake container exits at once on the stop signal with 137, like a process without a TERM handler.
                Exit(kill.Name, 137);
                return true;
            case KillPodAction killPod:
                var begun = killPod.Plan.Begin(Now);
                Termination = begun.Plan;
                TerminationSteps.AddRange(begun.Steps);
                Snapshot = Snapshot with { TerminationInProgress = true };
                if (Termination.IsComplete)
                {
                    FinishTermination();
                }
                return true;
            case StartContainerAction start:
                return Start(start);
            default:
                throw new InvalidOperationException($"unknown step {step}");
        }
    }

    private bool Start(StartContainerAction start)
    {
        var container = Snapshot.Find(start.Name) ?? new ContainerObservation { Name = start.Name };
        if (_nextStartFailures.Remove(start.Name, out var failure))
        {
            Snapshot = Snapshot.With(container with { LastStartFailure = failure with { At = Now } });
            Events.Add(new PodEvent(PodEvent.Warning, "Failed", failure.Message, start.Name));
            return !start.AbortSyncOnFailure;
        }
        var instance = new ContainerInstance
        {
            Id = $"c{++_ids}",
            Attempt = start.RestartCount,
            State = ContainerState.Running,
            Image = start.Spec.Image!,
            CreatedAt = Now,
            StartedAt = Now,
        };
        Snapshot = Snapshot.With(container with { Instances = [.. container.Instances, instance], LastStartFailure = null });
        Events.Add(new PodEvent(PodEvent.Normal, "Started", $"Started container {start.Name}", start.Name));
        return true;
    }

    private void FinishTermination()
    {
        Termination = null;
        Snapshot = Snapshot with { TerminationInProgress = false, TerminationFinished = true, Sandbox = SandboxState.None, ContainersBeingKilled = ImmutableHashSet<string>.Empty };
    }
}
