namespace Tandem.Node;

/// <summary>Where the node keeps its state and how it names itself.</summary>
public sealed record NodeOptions
{
    /// <summary>The node's own state: the store of desired objects, pod directories (volumes) and container logs.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The node's name in pod status and events (<c>spec.nodeName</c>, <c>source.host</c>).</summary>
    public string NodeName { get; init; } = "tandem";

    /// <summary>How often a pod worker syncs when nothing happens (the kubelet's resync).</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// At start, re-adopt the pods an earlier node process left running (the daemon, as the kubelet does after a
    /// restart) instead of removing everything it left (<c>tandem run</c>).
    /// </summary>
    public bool AdoptExisting { get; init; }

    public string StoreDirectory => Path.Combine(StateDirectory, "store");

    /// <summary>Per-pod directories (<c>&lt;uid&gt;/volumes</c>, <c>&lt;uid&gt;/volume-subpaths</c>), the kubelet's <c>/var/lib/kubelet/pods</c>.</summary>
    public string PodsDirectory => Path.Combine(StateDirectory, "pods");

    /// <summary>Container logs, the kubelet's <c>/var/log/pods</c> layout.</summary>
    public string LogDirectory => Path.Combine(StateDirectory, "logs");

    public Logs.ContainerLogPaths Logs => new(LogDirectory);

    public string PodDirectory(string uid) => Path.Combine(PodsDirectory, uid);
}
