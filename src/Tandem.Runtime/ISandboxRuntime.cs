namespace Tandem.Runtime;

/// <summary>
/// Pod sandboxes (CRI <c>RunPodSandbox</c> and friends): the namespaces a pod's containers join,
/// its hostname and its published ports. Everything here is idempotent where the CRI is:
/// stopping a stopped sandbox or removing a removed one succeeds.
/// </summary>
public interface ISandboxRuntime
{
    /// <summary>Creates and starts a sandbox; returns its id.</summary>
    Task<string> RunPodSandboxAsync(PodSandboxConfig config, CancellationToken cancellationToken);

    /// <summary>Stops every container of the sandbox (SIGKILL) and releases its network; keeps its records.</summary>
    Task StopPodSandboxAsync(string sandboxId, CancellationToken cancellationToken);

    /// <summary>Removes a stopped sandbox and everything it owns: namespaces, mounts, cgroups, directories.</summary>
    Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken);

    Task<PodSandboxStatus> PodSandboxStatusAsync(string sandboxId, CancellationToken cancellationToken);

    /// <summary>Every sandbox this runtime knows, including ones left by an earlier process (for re-adoption and cleanup).</summary>
    Task<IReadOnlyList<PodSandboxStatus>> ListPodSandboxesAsync(CancellationToken cancellationToken);
}
