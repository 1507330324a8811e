using System.Collections.Immutable;
using Tandem.Model.CoreV1;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// What the pod worker observed at one instant: the (defaulted) pod, including its deletion timestamp and grace,
/// every container's instances, start failures and probe results, the sandbox, and the worker's own state
/// (termination under way or finished, containers being killed, back-off tables). The input of
/// <see cref="PodDecider.Decide"/> and <see cref="Status.PodStatusGenerator.Generate"/>.
/// </summary>
public sealed record PodSnapshot
{
    public required Pod Pod { get; init; }

    public ImmutableDictionary<string, ContainerObservation> Containers { get; init; } = ImmutableDictionary<string, ContainerObservation>.Empty;

    public SandboxState Sandbox { get; init; } = SandboxState.None;

    /// <summary>How many sandboxes were created for the pod so far (0: never; <c>PodSandboxChanged</c>'s attempt).</summary>
    public int SandboxAttempts { get; init; }

    /// <summary>The pod worker is terminating the pod (a <see cref="KillPodAction"/> is being carried out, or deletion).</summary>
    public bool TerminationInProgress { get; init; }

    /// <summary>Termination is over and every container stopped: the kubelet's <c>podIsTerminal</c> for status (T7).</summary>
    public bool TerminationFinished { get; init; }

    /// <summary>Containers a <see cref="KillContainerAction"/> is still killing: no restarts meanwhile (R13c).</summary>
    public ImmutableHashSet<string> ContainersBeingKilled { get; init; } = [];

    public BackOffTable RestartBackOff { get; init; } = BackOffTable.Empty;

    /// <summary>Image pull back-off keyed by image; the executor calls <see cref="BackOffTable.Next"/> after each failed pull (R11).</summary>
    public BackOffTable ImagePullBackOff { get; init; } = BackOffTable.Empty;

    /// <summary>
    /// The restart count a container's next instance gets when the runtime knows none of its instances: one past its
    /// newest log file (the kubelet's <c>calcRestartCountByLogDir</c>, for a pod re-adopted after its sandbox was lost).
    /// </summary>
    public ImmutableDictionary<string, int> LoggedRestartCounts { get; init; } = ImmutableDictionary<string, int>.Empty;

    public PodSpec Spec => Pod.Spec ?? new PodSpec();

    public string RestartPolicy => Spec.RestartPolicy ?? "Always";

    public bool DeletionRequested => Pod.Metadata?.DeletionTimestamp is not null;

    public ContainerObservation? Find(string? name) => name is not null && Containers.TryGetValue(name, out var c) ? c : null;

    public ContainerInstance? Latest(string? name) => Find(name)?.Latest;

    public PodSnapshot With(ContainerObservation container) => this with { Containers = Containers.SetItem(container.Name, container) };

    /// <summary>
    /// Replaces the observed instances with what the runtime lists for this pod's sandbox(es) (oldest first by attempt,
    /// then creation time), attaching each instance's published probe results by container id. Start failures, the
    /// worker's flags and the back-off tables are kept. Containers the spec does not name are ignored.
    /// </summary>
    public PodSnapshot WithRuntimeStatuses(IEnumerable<Runtime.ContainerStatus> statuses, IReadOnlyDictionary<string, Probing.ProbeResults>? probesById = null)
    {
        var names = ContainerRoles.All(Spec).Select(e => e.Container.Name!).ToHashSet();
        var byName = statuses.Where(s => names.Contains(s.Name)).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g
            .OrderBy(s => s.Attempt).ThenBy(s => s.CreatedAt)
            .Select(s => new ContainerInstance
            {
                Id = s.Id,
                Attempt = s.Attempt,
                State = s.State,
                Image = s.Image,
                ImageRef = s.ImageRef,
                CreatedAt = s.CreatedAt,
                StartedAt = s.StartedAt,
                FinishedAt = s.FinishedAt,
                ExitCode = s.ExitCode,
                Reason = s.Reason,
                Message = s.Message,
                Probes = probesById is not null && probesById.TryGetValue(s.Id, out var probes) ? probes : Probing.ProbeResults.Initial,
            })
            .ToList());
        var containers = ImmutableDictionary<string, ContainerObservation>.Empty;
        foreach (var name in names)
        {
            var instances = byName.GetValueOrDefault(name) ?? [];
            var failure = Find(name)?.LastStartFailure;
            if (instances.Count > 0 || failure is not null)
            {
                containers = containers.SetItem(name, new ContainerObservation { Name = name, Instances = instances, LastStartFailure = failure });
            }
        }
        return this with { Containers = containers };
    }

    /// <summary>
    /// Folds a decision's bookkeeping into the snapshot the way the kubelet's caches would hold it: new back-off
    /// table, and each wait recorded as the container's last start failure (the <c>reasonCache</c>).
    /// </summary>
    public PodSnapshot Apply(PodActions actions, DateTimeOffset now)
    {
        var next = this with { RestartBackOff = actions.RestartBackOff };
        foreach (var wait in actions.Waits)
        {
            var container = next.Find(wait.Name) ?? new ContainerObservation { Name = wait.Name };
            next = next.With(container with { LastStartFailure = new StartFailure(wait.Reason, wait.Message, now) });
        }
        return next;
    }
}
