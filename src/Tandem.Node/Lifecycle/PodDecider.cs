using Tandem.Node.Termination;
using Tandem.Runtime;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// The kubelet's decision of what happens next to a pod (<c>computePodActions</c>, <c>computeInitContainerActions</c>,
/// <c>ShouldContainerBeRestarted</c>, <c>doBackOff</c>) as one pure function of a <see cref="PodSnapshot"/> and the time.
/// <para>
/// How a pod worker drives it, once per sync (after a container state change, a probe result change, a spec
/// change, a back-off expiring or a periodic resync): take a snapshot, call <see cref="Decide"/>, store
/// <c>snapshot.Apply(actions, now)</c> (back-off tables and waiting reasons), record <see cref="PodActions.Events"/>,
/// then carry out <see cref="PodActions.Steps"/> in order: <see cref="KillPodAction"/> (drive its
/// <see cref="TerminationPlan"/>, mark the snapshot <see cref="PodSnapshot.TerminationInProgress"/> meanwhile),
/// <see cref="KillContainerAction"/> (list the container in <see cref="PodSnapshot.ContainersBeingKilled"/> until it
/// exited), <see cref="CreateSandboxAction"/>, then each <see cref="StartContainerAction"/>; a failed start ends
/// the sync when it says <see cref="StartContainerAction.AbortSyncOnFailure"/> (R7b). Then publish
/// <see cref="Status.PodStatusGenerator.Generate"/>. One init step per sync (R8a): the next sync starts the next one.
/// </para>
/// </summary>
public static class PodDecider
{
    public static PodActions Decide(PodSnapshot snapshot, DateTimeOffset now)
    {
        var none = new PodActions { RestartBackOff = snapshot.RestartBackOff };
        // R13a, R13c, T6: nothing starts or restarts while the pod terminates or any container is being killed.
        if (snapshot.TerminationInProgress || !snapshot.ContainersBeingKilled.IsEmpty)
        {
            return none;
        }
        if (snapshot.DeletionRequested)
        {
            // SyncTerminatingPod: everything running is terminated with the deletion grace (T8).
            var running = Running(snapshot);
            return running.Count == 0 && snapshot.Sandbox == SandboxState.None
                ? none
                : Build(snapshot, new SyncPlan { KillPod = TerminationCause.Deleted }, now);
        }
        var plan = new SyncPlan();
        Compute(snapshot, plan);
        return Build(snapshot, plan, now);
    }

    internal static KillContainerAction Kill(PodSnapshot snapshot, string name, ContainerInstance instance, KillReason reason, string message)
    {
        var (container, kind) = ContainerRoles.Find(snapshot.Spec, name)!.Value;
        var grace = GracePeriods.ForContainer(snapshot.Pod, container, reason);
        return new KillContainerAction(name, instance.Id, kind, reason, message, grace, TerminationPlan.ForContainer(snapshot.Pod, name, reason));
    }

    // computePodActions (KM): sandbox first, then initialization, then the regular containers.
    private static void Compute(PodSnapshot snapshot, SyncPlan plan)
    {
        if (snapshot.Sandbox != SandboxState.Ready)
        {
            PlanSandbox(snapshot, plan);
            return;
        }
        var initialized = InitContainerPlanner.Plan(snapshot, plan);
        if (plan.KillPod is not null || !initialized)
        {
            return;
        }
        RegularContainerPlanner.Plan(snapshot, plan);
    }

    // PodSandboxChanged: a missing or broken sandbox is recreated and the pod starts over from its first init
    // container, except in Never pods that already ran and in pods whose containers are all done.
    private static void PlanSandbox(PodSnapshot snapshot, SyncPlan plan)
    {
        if (Running(snapshot).Count > 0 || snapshot.Sandbox == SandboxState.NotReady)
        {
            plan.KillPod = TerminationCause.SandboxChanged;
        }
        plan.CreateSandbox = true;
        var anyStatus = snapshot.Containers.Values.Any(c => c.Instances.Count > 0);
        if (!RestartRules.RestartOnFailure(snapshot) && snapshot.SandboxAttempts != 0 && anyStatus)
        {
            plan.CreateSandbox = false;
            return;
        }
        var regular = ContainerRoles.Containers(snapshot.Spec);
        var toStart = Enumerable.Range(0, regular.Count)
            .Where(i => !(snapshot.RestartPolicy == "OnFailure" && snapshot.Latest(regular[i].Name) is { IsExited: true, ExitCode: 0 }))
            .ToList();
        if (toStart.Count == 0 && regular.Any(c => snapshot.Latest(c.Name)?.State is ContainerState.Created or ContainerState.Running or ContainerState.Exited))
        {
            plan.CreateSandbox = false;
            return;
        }
        if (ContainerRoles.InitContainers(snapshot.Spec).Count > 0)
        {
            plan.InitContainersToStart = [0];
            return;
        }
        plan.ContainersToStart.AddRange(toStart);
    }

    // SyncPod's order (R7): kill, create sandbox, init containers in order, regular containers in order.
    private static PodActions Build(PodSnapshot snapshot, SyncPlan plan, DateTimeOffset now)
    {
        var steps = new List<PodAction>();
        var events = new List<PodEvent>();
        var waits = new List<ContainerWait>();
        var backOff = snapshot.RestartBackOff;
        if (plan.KillPod is { } cause)
        {
            steps.Add(KillPod(snapshot, plan, cause, events));
        }
        else
        {
            foreach (var kill in plan.Kills)
            {
                steps.Add(kill);
                events.Add(new PodEvent(PodEvent.Normal, EventReasons.Killing, kill.Message, kill.Name));
            }
        }
        if (plan.CreateSandbox)
        {
            steps.Add(new CreateSandboxAction(snapshot.SandboxAttempts));
        }
        var init = ContainerRoles.InitContainers(snapshot.Spec);
        foreach (var index in plan.InitContainersToStart)
        {
            var container = init[index];
            var wait = StartGate.Check(snapshot, container.Name!, container.Image, now, ref backOff, events);
            var kind = ContainerRoles.KindOfInit(container);
            if (wait is not null)
            {
                waits.Add(wait);
                if (kind == ContainerKind.RegularInit)
                {
                    // R7b: a regular init container that cannot start ends the sync.
                    return new PodActions { Steps = steps, Events = events, Waits = waits, RestartBackOff = backOff };
                }
                continue; // R7b: a sidecar that cannot start does not hold up the rest.
            }
            steps.Add(Start(snapshot, container, kind, index));
        }
        var regular = ContainerRoles.Containers(snapshot.Spec);
        foreach (var index in plan.ContainersToStart)
        {
            var container = regular[index];
            var wait = StartGate.Check(snapshot, container.Name!, container.Image, now, ref backOff, events);
            if (wait is not null)
            {
                waits.Add(wait);
                continue;
            }
            steps.Add(Start(snapshot, container, ContainerKind.Regular, index));
        }
        return new PodActions { Steps = steps, Events = events, Waits = waits, RestartBackOff = backOff };
    }

    private static StartContainerAction Start(PodSnapshot snapshot, Model.CoreV1.Container container, ContainerKind kind, int index)
    {
        // R30: the new instance's restart count is the previous instance's plus one.
        var restartCount = snapshot.Latest(container.Name) is { } latest ? latest.Attempt + 1 : snapshot.LoggedRestartCounts.GetValueOrDefault(container.Name!);
        return new StartContainerAction(container.Name!, kind, index, container, restartCount, kind == ContainerKind.RegularInit);
    }

    private static KillPodAction KillPod(PodSnapshot snapshot, SyncPlan plan, TerminationCause cause, List<PodEvent> events)
    {
        var running = Running(snapshot);
        // A probe kill that coincides with completion (a Never pod's only container failing liveness/startup) keeps
        // its message and its probe grace, as users see them in SC-08/SC-09 (R16).
        var pending = plan.Kills.Where(k => running.Contains(k.Name)).ToDictionary(k => k.Name);
        var deletionGrace = cause == TerminationCause.Deleted ? snapshot.Pod.Metadata?.DeletionGracePeriodSeconds : null;
        var terminationPlan = TerminationPlan.ForPod(snapshot.Pod, running, deletionGrace,
            pending.ToDictionary(p => p.Key, p => p.Value.GracePeriodSeconds));
        // The kubelet records Killing as each kill begins, all at once; listing the regular containers first and the
        // sidecars in reverse order tells the reader the order in which they are really stopped (T3).
        var inStopOrder = terminationPlan.Containers.Where(c => c.Running && c.Kind != ContainerKind.Sidecar)
            .Concat(terminationPlan.Containers.Where(c => c.Running && c.Kind == ContainerKind.Sidecar).Reverse());
        foreach (var c in inStopOrder)
        {
            var message = pending.TryGetValue(c.Name, out var kill) ? kill.Message : $"Stopping container {c.Name}";
            events.Add(new PodEvent(PodEvent.Normal, EventReasons.Killing, message, c.Name));
        }
        return new KillPodAction(cause, terminationPlan);
    }

    private static HashSet<string> Running(PodSnapshot snapshot) =>
        [.. snapshot.Containers.Values.Where(c => c.Latest?.IsRunning == true).Select(c => c.Name)];
}
