using Tandem.Runtime;

namespace Tandem.Server.Streaming;

/// <summary>
/// What the exec, attach and port-forward endpoints need from the node: the checks that come before the connection
/// is upgraded (so a missing pod or container is an ordinary JSON error kubectl can print), then the streams.
/// </summary>
public interface IPodStreams
{
    /// <summary>Finds the container (or, for port-forward, the pod's sandbox) or says why the request cannot proceed.</summary>
    PodStreamResolution Resolve(PodStreamRequest request);

    /// <summary>Runs a command in the target container; returns its exit code. Throws <see cref="RuntimeException"/> when it cannot start.</summary>
    Task<int> ExecAsync(PodStreamTarget target, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken);

    /// <summary>Connects to the target container's main process until it exits or the client leaves.</summary>
    Task AttachAsync(PodStreamTarget target, StreamingIo io, CancellationToken cancellationToken);

    /// <summary>A connection to <paramref name="port"/> on the pod's loopback.</summary>
    Task<Stream> PortForwardAsync(PodStreamTarget target, int port, CancellationToken cancellationToken);
}
