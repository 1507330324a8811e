namespace Tandem.Node.Lifecycle;

/// <summary>
/// The outcome of one <see cref="PodDecider.Decide"/>: the ordered <see cref="Steps"/> to carry out, the containers
/// held back by a back-off (<see cref="Waits"/>, with the status reason and message), the events to record, and
/// the back-off tables as they must be stored for the next decision (kept pure: the kubelet updates them in place).
/// </summary>
public sealed record PodActions
{
    public IReadOnlyList<PodAction> Steps { get; init; } = [];

    public IReadOnlyList<ContainerWait> Waits { get; init; } = [];

    public IReadOnlyList<PodEvent> Events { get; init; } = [];

    public BackOffTable RestartBackOff { get; init; } = BackOffTable.Empty;

    /// <summary>True when there is nothing to do this sync (waiting for a container, a probe, a back-off or a kill).</summary>
    public bool IsEmpty => Steps.Count == 0;

    public IEnumerable<StartContainerAction> Starts => Steps.OfType<StartContainerAction>();

    public IEnumerable<KillContainerAction> Kills => Steps.OfType<KillContainerAction>();

    public KillPodAction? KillPod => Steps.OfType<KillPodAction>().FirstOrDefault();

    public bool CreatesSandbox => Steps.OfType<CreateSandboxAction>().Any();

    /// <summary>The earliest moment a back-off in <see cref="Waits"/> expires: when the worker should sync again at the latest.</summary>
    public DateTimeOffset? NextRetryAt => Waits.Count == 0 ? null : Waits.Min(w => w.RetryAt);
}
