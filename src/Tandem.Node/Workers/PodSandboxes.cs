using Tandem.Model.CoreV1;
using Tandem.Node.Volumes;
using Tandem.Runtime;

namespace Tandem.Node.Workers;

/// <summary>
/// A pod's place on the machine: its volumes (set up once, before the first sandbox, as the kubelet's volume manager
/// mounts them before <c>SyncPod</c>), its sandboxes, and the removal of all of it when the pod is done.
/// </summary>
internal sealed class PodSandboxes(PodWorkerContext context, Pod pod)
{
    private readonly List<string> _sandboxIds = [];
    private PodVolumes? _volumes;

    public string PodDirectory => context.Options.PodDirectory(pod.Metadata!.Uid!);

    /// <summary>Every sandbox created for the pod, oldest first (their containers are the pod's instances).</summary>
    public IReadOnlyList<string> SandboxIds => _sandboxIds;

    public PodRuntimeContext? Current { get; private set; }

    /// <summary>Sets up the volumes (once) and runs a new sandbox. Throws <see cref="VolumeSetupError"/> or <see cref="RuntimeException"/>.</summary>
    public async Task<PodRuntimeContext> CreateAsync(int attempt, CancellationToken cancellationToken)
    {
        _volumes ??= context.Volumes.SetUp(pod, PodDirectory);
        var config = SandboxConfig(attempt);
        var id = await context.Sandboxes.RunPodSandboxAsync(config, cancellationToken).ConfigureAwait(false);
        _sandboxIds.Add(id);
        var status = await context.Sandboxes.PodSandboxStatusAsync(id, cancellationToken).ConfigureAwait(false);
        Current = new PodRuntimeContext(id, config, status, _volumes, PodDirectory);
        return Current;
    }

    /// <summary>
    /// Takes over the sandboxes an earlier node process created for the pod (oldest first); the newest becomes current
    /// when it still runs. The volumes are already on disk: their paths are worked out again, nothing is re-mounted
    /// (a memory-backed emptyDir mounted twice would hide what the containers wrote).
    /// </summary>
    public void Adopt(IReadOnlyList<PodSandboxStatus> sandboxes)
    {
        _sandboxIds.AddRange(sandboxes.Select(s => s.Id));
        if (sandboxes.Count > 0 && sandboxes[^1] is { Ready: true } newest)
        {
            _volumes = VolumeManager.Locate(pod, PodDirectory);
            Current = new PodRuntimeContext(newest.Id, newest.Config, newest, _volumes, PodDirectory);
        }
    }

    /// <summary>Whether the current sandbox still runs (a sandbox whose holder died is <c>NotReady</c>).</summary>
    public async Task<Lifecycle.SandboxState> ObserveAsync(CancellationToken cancellationToken)
    {
        if (Current is null)
        {
            return Lifecycle.SandboxState.None;
        }
        try
        {
            var status = await context.Sandboxes.PodSandboxStatusAsync(Current.SandboxId, cancellationToken).ConfigureAwait(false);
            return status.Ready ? Lifecycle.SandboxState.Ready : Lifecycle.SandboxState.NotReady;
        }
        catch (RuntimeException e) when (e.Code == RuntimeErrorCode.NotFound)
        {
            return Lifecycle.SandboxState.None;
        }
    }

    /// <summary>Stops the current sandbox (after its containers were terminated); its containers' records stay for status.</summary>
    public async Task StopCurrentAsync(CancellationToken cancellationToken)
    {
        if (Current is { } current)
        {
            await context.Sandboxes.StopPodSandboxAsync(current.SandboxId, cancellationToken).ConfigureAwait(false);
            Current = null;
        }
    }

    /// <summary>Removes every sandbox, subPath mount and volume of the pod, and the pod's directory. Idempotent.</summary>
    public async Task RemoveAllAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _sandboxIds)
        {
            await context.Sandboxes.StopPodSandboxAsync(id, cancellationToken).ConfigureAwait(false);
            await context.Sandboxes.RemovePodSandboxAsync(id, cancellationToken).ConfigureAwait(false);
        }
        _sandboxIds.Clear();
        Current = null;
        context.SubPaths.CleanUp(PodDirectory);
        context.Volumes.TearDown(PodDirectory);
        if (Directory.Exists(PodDirectory))
        {
            Directory.Delete(PodDirectory, recursive: true);
        }
    }

    private PodSandboxConfig SandboxConfig(int attempt)
    {
        var spec = pod.Spec ?? new PodSpec();
        var hostname = string.IsNullOrEmpty(spec.Hostname) ? pod.Metadata!.Name! : spec.Hostname;
        return new PodSandboxConfig
        {
            Name = pod.Metadata!.Name!,
            Namespace = pod.Metadata.Namespace ?? "default",
            Uid = pod.Metadata.Uid!,
            Attempt = attempt,
            // The kubelet truncates a hostname to 63 characters (GeneratePodHostNameAndDomain).
            Hostname = hostname.Length > 63 ? hostname[..63].TrimEnd('-', '.') : hostname,
            LogDirectory = context.Options.Logs.PodDirectory(pod),
            PortMappings =
            [
                .. Lifecycle.ContainerRoles.All(spec).SelectMany(e => e.Container.Ports ?? [])
                    .Where(p => p.HostPort is > 0 && p.Number is { } )
                    .Select(p => new PortMapping(p.Protocol ?? "TCP", p.Number!.Value, p.HostPort!.Value, string.IsNullOrEmpty(p.HostIP) ? null : p.HostIP)),
            ],
            ShareProcessNamespace = spec.ShareProcessNamespace ?? false,
            HostAliases = [.. (spec.HostAliases ?? []).Select(a => new HostAliasEntry(a.Ip ?? "", a.Hostnames ?? []))],
            Sysctls = (spec.SecurityContext?.Sysctls ?? []).Where(s => s.Name is not null).ToDictionary(s => s.Name!, s => s.Value ?? ""),
            Labels = pod.Metadata.Labels ?? new Dictionary<string, string>(),
            Annotations = pod.Metadata.Annotations ?? new Dictionary<string, string>(),
        };
    }
}
