using Tandem.Node;
using Tandem.Node.Store;
using Tandem.Node.Streaming;
using Tandem.Runtime;

namespace Tandem.Server.Streaming;

/// <summary>The node's pods as streaming targets: <see cref="Kubelet"/>'s checks and its runtime.</summary>
public sealed class KubeletPodStreams(Kubelet kubelet) : IPodStreams
{
    public PodStreamResolution Resolve(PodStreamRequest request)
    {
        var lookup = kubelet.FindStreamTarget(new PodKey(request.Namespace, request.Pod), request.Container, request.Kind == PodStreamKind.PortForward);
        if (lookup.Target is not { } target)
        {
            return PodStreamResolution.Failed(lookup.Problem == StreamTargetProblem.PodNotFound
                ? StreamStatus.NotFound("pods", request.Pod)
                : StreamStatus.BadRequest(lookup.Message ?? "bad request"));
        }
        return PodStreamResolution.Found(new PodStreamTarget(request.Namespace, request.Pod, target.Container, target.ContainerId, target.SandboxId,
            target.Stdin, target.Tty, target.PodUid));
    }

    public Task<int> ExecAsync(PodStreamTarget target, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken) =>
        kubelet.ExecAsync(NodeTarget(target), command, io, cancellationToken);

    public Task AttachAsync(PodStreamTarget target, StreamingIo io, CancellationToken cancellationToken) =>
        kubelet.AttachAsync(NodeTarget(target), io, cancellationToken);

    public Task<Stream> PortForwardAsync(PodStreamTarget target, int port, CancellationToken cancellationToken) =>
        kubelet.PortForwardAsync(NodeTarget(target), port, cancellationToken);

    private static StreamTarget NodeTarget(PodStreamTarget target) =>
        new(new PodKey(target.Namespace, target.Pod), target.PodUid ?? "", target.Container, target.ContainerId, target.SandboxId,
            target.ContainerStdin, target.ContainerTty);
}
