namespace Tandem.Server.Streaming;

/// <summary>
/// A resolved streaming target: the runtime's ids for the container (exec, attach) or the sandbox (port-forward),
/// plus the container's own <c>stdin</c>/<c>tty</c> settings, which attach follows.
/// </summary>
public sealed record PodStreamTarget(string Namespace, string Pod, string? Container, string? ContainerId, string? SandboxId,
    bool ContainerStdin = false, bool ContainerTty = false, string? PodUid = null);
