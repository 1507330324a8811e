using Tandem.Model.CoreV1;
using Tandem.Node.Status;
using Tandem.Node.Store;
using Tandem.Node.Streaming;
using Tandem.Runtime;

namespace Tandem.Node;

public sealed partial class Kubelet
{
    /// <summary>The runtime's exec, attach and port-forward; without it those requests fail with Unavailable.</summary>
    public IStreamingRuntime? Streaming { get; init; }

    /// <summary>
    /// Finds what an exec or attach (<paramref name="portForward"/> false) or a port-forward talks to, with the checks
    /// the API server and kubelet make before they upgrade the connection, and their messages.
    /// </summary>
    public StreamTargetLookup FindStreamTarget(PodKey key, string? container, bool portForward)
    {
        if (Get(key) is not { } pod)
        {
            return StreamTargetLookup.Failed(StreamTargetProblem.PodNotFound, $"pods \"{key.Name}\" not found");
        }
        var uid = pod.Metadata?.Uid ?? "";
        var phase = pod.Status?.Phase;
        if (portForward)
        {
            // kubectl's own wording for the same check (pkg/cmd/portforward).
            var sandbox = phase == "Running" && _workers.TryGetValue(key, out var worker) ? worker.CurrentSandboxId : null;
            return sandbox is null
                ? StreamTargetLookup.Failed(StreamTargetProblem.BadRequest, $"unable to forward port because pod is not running. Current status={phase}")
                : StreamTargetLookup.Found(new StreamTarget(key, uid, null, null, sandbox, false, false));
        }
        if (phase is "Succeeded" or "Failed")
        {
            // kubectl's wording (pkg/cmd/exec); it checks this itself, other clients learn it here.
            return StreamTargetLookup.Failed(StreamTargetProblem.BadRequest, $"cannot exec into a container in a completed pod; current phase is {phase}");
        }
        var containers = pod.Spec?.Containers ?? [];
        var initContainers = pod.Spec?.InitContainers ?? [];
        if (container is null)
        {
            if (containers.Count != 1)
            {
                // The API server's wording (pkg/registry/core/pod/strategy.go).
                return StreamTargetLookup.Failed(StreamTargetProblem.BadRequest,
                    $"a container name must be specified for pod {key.Name}, choose one of: [{string.Join(' ', containers.Select(c => c.Name))}]");
            }
            container = containers[0].Name!;
        }
        var spec = containers.Concat(initContainers).FirstOrDefault(c => c.Name == container);
        if (spec is null)
        {
            return StreamTargetLookup.Failed(StreamTargetProblem.BadRequest, $"container {container} is not valid for pod {key.Name}");
        }
        var status = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(s => s.Name == container);
        if (status?.State?.Running is null || RuntimeIdOf(status.ContainerID) is not { } containerId)
        {
            // The kubelet's answer for a container it has no running instance of (pkg/kubelet/server).
            return StreamTargetLookup.Failed(StreamTargetProblem.BadRequest, $"unable to upgrade connection: container not found (\"{container}\")");
        }
        return StreamTargetLookup.Found(new StreamTarget(key, uid, container, containerId, null, spec.Stdin == true, spec.Tty == true));
    }

    public Task<int> ExecAsync(StreamTarget target, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken) =>
        RequireStreaming().ExecAsync(target.ContainerId!, command, io, cancellationToken);

    public Task AttachAsync(StreamTarget target, StreamingIo io, CancellationToken cancellationToken) =>
        RequireStreaming().AttachAsync(target.ContainerId!, io, cancellationToken);

    public Task<Stream> PortForwardAsync(StreamTarget target, int port, CancellationToken cancellationToken) =>
        RequireStreaming().PortForwardAsync(target.SandboxId!, port, cancellationToken);

    private IStreamingRuntime RequireStreaming() =>
        Streaming ?? throw new RuntimeException(RuntimeErrorCode.Unavailable, "this node's runtime does not support exec, attach or port-forward");

    /// <summary>The runtime id inside a status's <c>tandem://ID</c> container id.</summary>
    private static string? RuntimeIdOf(string? containerId)
    {
        var prefix = ContainerStatusBuilder.ContainerIdScheme + "://";
        return containerId is not null && containerId.StartsWith(prefix, StringComparison.Ordinal) ? containerId[prefix.Length..] : null;
    }
}
