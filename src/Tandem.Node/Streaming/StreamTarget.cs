using Tandem.Node.Store;

namespace Tandem.Node.Streaming;

/// <summary>
/// Where an exec, attach or port-forward goes, in runtime terms: the container's id (exec, attach) or the pod's
/// sandbox (port-forward), and the container's own <c>stdin</c>/<c>tty</c> settings.
/// </summary>
public sealed record StreamTarget(PodKey Pod, string PodUid, string? Container, string? ContainerId, string? SandboxId, bool Stdin, bool Tty);
