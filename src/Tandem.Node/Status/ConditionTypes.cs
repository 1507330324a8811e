namespace Tandem.Node.Status;

/// <summary>The pod conditions the kubelet owns, in the order it writes them (§1.K).</summary>
public static class ConditionTypes
{
    public const string PodReadyToStartContainers = "PodReadyToStartContainers";
    public const string Initialized = "Initialized";
    public const string Ready = "Ready";
    public const string ContainersReady = "ContainersReady";
    public const string PodScheduled = "PodScheduled";

    public static readonly IReadOnlyList<string> KubeletOwned = [PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled];
}
