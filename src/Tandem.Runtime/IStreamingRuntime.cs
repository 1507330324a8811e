namespace Tandem.Runtime;

/// <summary>
/// The CRI's streaming calls (<c>Exec</c>, <c>Attach</c>, <c>PortForward</c>) with the streams
/// handed over directly instead of through a separate streaming server: the API server owns the
/// client connection and gives the runtime plain streams for the process's stdio.
/// </summary>
public interface IStreamingRuntime
{
    /// <summary>
    /// Runs <paramref name="command"/> in a running container with the given streams and returns
    /// its exit code once it has exited and its output has been written out. Cancelling kills the
    /// process. A command that cannot be started (not found, not executable) throws a
    /// <see cref="RuntimeException"/> whose message says why.
    /// </summary>
    Task<int> ExecAsync(string containerId, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken);

    /// <summary>
    /// Connects the streams to the container's main process: its output from now on, and its
    /// stdin when the container was created with <c>stdin: true</c>. Returns when the container
    /// exits or <paramref name="cancellationToken"/> is cancelled (the client detached). A slow client
    /// loses output rather than slow the container (the log keeps everything); the client's stdin is
    /// ignored when the container has none. With <c>stdinOnce</c> the end of the first session closes
    /// the container's stdin for good.
    /// </summary>
    Task AttachAsync(string containerId, StreamingIo io, CancellationToken cancellationToken);

    /// <summary>
    /// A connection to <paramref name="port"/> on the loopback of the sandbox's network namespace (IPv4, then IPv6).
    /// Nothing listening throws a <see cref="RuntimeException"/> (<see cref="RuntimeErrorCode.Unavailable"/>) whose
    /// message starts <c>failed to connect to localhost:PORT inside namespace</c> and says <c>connection refused</c>.
    /// </summary>
    Task<Stream> PortForwardAsync(string sandboxId, int port, CancellationToken cancellationToken);
}
