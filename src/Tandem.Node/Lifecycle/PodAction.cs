namespace Tandem.Node.Lifecycle;

/// <summary>
/// One step of a sync plan (the kubelet's <c>podActions</c>, flattened into the order <c>SyncPod</c> carries them
/// out: kill pod or kill containers, create sandbox, start init containers, start regular containers; R7).
/// </summary>
public abstract record PodAction;
