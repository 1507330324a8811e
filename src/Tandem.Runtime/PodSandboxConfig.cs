namespace Tandem.Runtime;

/// <summary>What a sandbox needs (CRI <c>PodSandboxConfig</c>, the parts a single node uses).</summary>
public sealed record PodSandboxConfig
{
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    public required string Uid { get; init; }

    /// <summary>Incremented each time the sandbox of the same pod is re-created.</summary>
    public int Attempt { get; init; }

    /// <summary>The pod's hostname inside its UTS namespace (pod name, or <c>spec.hostname</c>).</summary>
    public required string Hostname { get; init; }

    /// <summary>Directory under which container logs of this pod are written.</summary>
    public required string LogDirectory { get; init; }

    public IReadOnlyList<PortMapping> PortMappings { get; init; } = [];

    /// <summary>All containers share one PID namespace (<c>shareProcessNamespace: true</c>).</summary>
    public bool ShareProcessNamespace { get; init; }

    /// <summary>Extra /etc/hosts entries (<c>hostAliases</c>).</summary>
    public IReadOnlyList<HostAliasEntry> HostAliases { get; init; } = [];

    public IReadOnlyDictionary<string, string> Sysctls { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
