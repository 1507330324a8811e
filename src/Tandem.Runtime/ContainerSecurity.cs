namespace Tandem.Runtime;

/// <summary>The user and privileges a container runs with, from the pod's and the container's securityContext.</summary>
public sealed record ContainerSecurity
{
    /// <summary>User id; null means the image's user.</summary>
    public long? RunAsUser { get; init; }

    public long? RunAsGroup { get; init; }

    public IReadOnlyList<long> SupplementalGroups { get; init; } = [];

    public bool RunAsNonRoot { get; init; }

    public bool Privileged { get; init; }

    public bool ReadOnlyRootFilesystem { get; init; }

    /// <summary>False sets no_new_privs.</summary>
    public bool AllowPrivilegeEscalation { get; init; } = true;

    public IReadOnlyList<string> AddCapabilities { get; init; } = [];

    public IReadOnlyList<string> DropCapabilities { get; init; } = [];
}
