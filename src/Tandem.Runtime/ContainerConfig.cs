namespace Tandem.Runtime;

/// <summary>
/// What a container needs, fully resolved by the node (CRI <c>ContainerConfig</c>): environment
/// variables already expanded from <c>valueFrom</c>, volumes already prepared on the host.
/// </summary>
public sealed record ContainerConfig
{
    public required string Name { get; init; }

    /// <summary>How many times this container was created before in the pod (its restart count).</summary>
    public int Attempt { get; init; }

    /// <summary>The image, as written in the pod; must have been pulled or imported.</summary>
    public required string Image { get; init; }

    /// <summary>
    /// Run on the host's root filesystem (read-only) instead of an image. Chosen by the node
    /// for images that name the host (see <see cref="HostImage"/>).
    /// </summary>
    public bool UseHostFilesystem { get; init; }

    /// <summary>The pod's <c>command</c>; empty means the image's entrypoint.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>The pod's <c>args</c>; empty means the image's cmd (when command is empty too).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    public string? WorkingDir { get; init; }

    /// <summary>Environment in order; merged over the image's, later entries win.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    public IReadOnlyList<Mount> Mounts { get; init; } = [];

    /// <summary>Path of the CRI-format log file the runtime writes stdout and stderr to.</summary>
    public required string LogPath { get; init; }

    public bool Stdin { get; init; }

    public bool StdinOnce { get; init; }

    public bool Tty { get; init; }

    public ContainerResources Resources { get; init; } = new();

    public ContainerSecurity Security { get; init; } = new();

    /// <summary>Where the container may write its termination message (<c>terminationMessagePath</c>).</summary>
    public string? TerminationMessagePath { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
