namespace Tandem.Node.Lifecycle;

/// <summary>
/// The kubelet's <c>podActions</c> while it is being computed: private to one decision, turned into an ordered
/// <see cref="PodActions"/> by <see cref="PodDecider"/>.
/// </summary>
internal sealed class SyncPlan
{
    public TerminationCause? KillPod { get; set; }

    public bool CreateSandbox { get; set; }

    public List<KillContainerAction> Kills { get; } = [];

    public List<int> InitContainersToStart { get; set; } = [];

    public List<int> ContainersToStart { get; } = [];
}
