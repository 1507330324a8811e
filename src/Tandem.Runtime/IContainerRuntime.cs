namespace Tandem.Runtime;

/// <summary>
/// Containers inside a sandbox (CRI <c>CreateContainer</c>, <c>StartContainer</c>,
/// <c>StopContainer</c> ...). The node decides; this only carries out one step at a time.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>Creates a container (not started yet); returns its id. Image must already be present.</summary>
    Task<string> CreateContainerAsync(string sandboxId, ContainerConfig config, PodSandboxConfig sandbox, CancellationToken cancellationToken);

    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the stop signal (SIGTERM unless the image says otherwise) and SIGKILL once
    /// <paramref name="timeout"/> has passed; returns when the container has exited.
    /// A zero timeout kills at once. Stopping an exited container succeeds.
    /// </summary>
    Task StopContainerAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Removes an exited container and its rootfs; its log file stays for <c>--previous</c>.</summary>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    Task<ContainerStatus> ContainerStatusAsync(string containerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContainerStatus>> ListContainersAsync(string? sandboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Container state changes (started, exited) as they happen, so the node reacts at once
    /// instead of waiting for its next poll. Ends when cancelled.
    /// </summary>
    IAsyncEnumerable<ContainerEvent> WatchAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs a command in a running container and waits for it (probes and exec hooks). A command
    /// still running at <paramref name="timeout"/> is killed and reported as timed out.
    /// </summary>
    Task<ExecResult> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken);
}
