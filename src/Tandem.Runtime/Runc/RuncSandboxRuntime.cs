using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Sandboxes: a named network namespace with loopback up, the pod's UTS and IPC namespaces (pinned
/// by bind mounts, or, for a pod that shares its PID namespace or sets sysctls, owned by a holder
/// process run by runc), the pod's /etc files and /dev/shm, and the hostPort forwarders. Each step
/// is undone by removal, which also works on what a killed process left behind, since every step
/// is recorded on disk first.
/// </summary>
public sealed partial class RuncSandboxRuntime : ISandboxRuntime
{
    private readonly StateLayout _layout;
    private readonly RuncCli _runc;
    private readonly NetworkNamespaces _netns;
    private readonly SandboxRecords _records;
    private readonly RuncContainerRuntime _containers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, HostPortForwarder> _forwarders = new();
    private readonly ConcurrentDictionary<string, ProcessExitWatcher> _holders = new();
    private readonly CancellationTokenSource _stopping = new();

    internal RuncSandboxRuntime(StateLayout layout, RuncCli runc, NetworkNamespaces netns, SandboxRecords records, RuncContainerRuntime containers, TimeProvider time, ILogger logger)
    {
        _logger = logger;
        _layout = layout;
        _runc = runc;
        _netns = netns;
        _records = records;
        _containers = containers;
        _time = time;
    }

    public async Task<string> RunPodSandboxAsync(PodSandboxConfig config, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var directory = _layout.SandboxDirectory(id);
        var record = new SandboxRecord
        {
            Id = id,
            Config = config,
            CreatedAt = _time.GetUtcNow(),
            NetnsName = _layout.NetnsName(id),
            PinnedNamespaces = !config.ShareProcessNamespace && config.Sysctls.Count == 0,
        };
        _records.Save(record);
        try
        {
            PodFiles.Write(directory, config);
            RootfsMounts.MountTmpfs(Path.Combine(directory, "shm"), "mode=1777,size=65536k");
            await _netns.CreateAsync(record.NetnsName, cancellationToken).ConfigureAwait(false);
            if (record.PinnedNamespaces)
            {
                // No process to start: the sandbox is its namespaces (CRI-O's pinned namespaces, no infra container).
                await NamespacePins.CreateAsync(_layout.SandboxNamespace(id, "uts"), _layout.SandboxNamespace(id, "ipc"), config.Hostname).ConfigureAwait(false);
                record = record with { Ready = true };
                _records.Save(record);
                StartForwarders(id, record);
                Log.Ready(_logger, id, config.Namespace, config.Name, record.NetnsName, 0);
                return id;
            }
            var bundle = Path.Combine(directory, "holder");
            RootfsMounts.MountHostRoot(Path.Combine(bundle, "rootfs"));
            File.WriteAllText(Path.Combine(bundle, "config.json"), HolderSpecBuilder.Build(record, $"{_layout.CgroupParent(id)}/pause").ToJsonString());
            var pidFile = Path.Combine(bundle, "init.pid");
            using (var run = _runc.Run(id, bundle, pidFile))
            {
                if (await run.WaitForExitAsync(cancellationToken).ConfigureAwait(false) != 0)
                {
                    throw new RuntimeException(RuntimeErrorCode.Internal, $"the sandbox of pod {config.Namespace}/{config.Name} could not be created: {RuncCli.LastError(bundle, "runc run failed")}");
                }
            }
            var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
            // The holder is re-parented to this process; watching it reaps it when it is killed.
            if (ProcessExitWatcher.Watch(pid, _stopping.Token) is { } holder)
            {
                _holders[id] = holder;
            }
            record = record with { Ready = true, HolderPid = pid };
            _records.Save(record);
            StartForwarders(id, record);
            Log.Ready(_logger, id, config.Namespace, config.Name, record.NetnsName, pid);
            return id;
        }
        catch (Exception e)
        {
            Log.CreateFailed(_logger, e, id, config.Namespace, config.Name);
            await RemovePodSandboxAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopPodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var record = _records.Get(sandboxId);
        if (record is null)
        {
            return;
        }
        if (_forwarders.TryRemove(sandboxId, out var forwarder))
        {
            await forwarder.DisposeAsync().ConfigureAwait(false);
        }
        await _containers.KillSandboxContainersAsync(sandboxId, cancellationToken).ConfigureAwait(false);
        if (record.PinnedNamespaces)
        {
            // No holder was ever started; the pins go with the sandbox's directory on removal.
        }
        else if (_holders.TryRemove(sandboxId, out var holder))
        {
            await _runc.DeleteAsync(sandboxId, cancellationToken).ConfigureAwait(false);
            await holder.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
            holder.Dispose();
        }
        else
        {
            // Left by an earlier process: runc's state says whether the recorded pid is still the holder.
            var state = await _runc.StateAsync(sandboxId, cancellationToken).ConfigureAwait(false);
            var pid = state is { Status: "running" or "created" } ? state.Value.Pid : 0;
            await ProcessExitWatcher.KillAdoptedAsync(pid, () => _runc.DeleteAsync(sandboxId, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        await _netns.DeleteAsync(record.NetnsName, cancellationToken).ConfigureAwait(false);
        if (record.Ready)
        {
            _records.Save(record with { Ready = false });
        }
    }

    private void StartForwarders(string id, SandboxRecord record)
    {
        if (record.Config.PortMappings.Count > 0)
        {
            _forwarders[id] = HostPortForwarder.Start(record.NetnsName, record.Config.PortMappings);
        }
    }

    public async Task RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        if (_records.Get(sandboxId) is not { } record)
        {
            return;
        }
        await StopPodSandboxAsync(sandboxId, cancellationToken).ConfigureAwait(false);
        await _containers.RemoveSandboxContainersAsync(sandboxId, cancellationToken).ConfigureAwait(false);
        var directory = _layout.SandboxDirectory(sandboxId);
        Cgroups.Remove(_layout.CgroupParent(sandboxId));
        Cgroups.RemoveIfEmpty(_layout.CgroupPrefix);
        // The record is deleted last, with the directory: until then a retry can finish the job.
        SafeDelete.Directory(directory);
        Log.Removed(_logger, sandboxId, record.Config.Namespace, record.Config.Name);
    }

    public Task<PodSandboxStatus> PodSandboxStatusAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var record = _records.Get(sandboxId) ?? throw new RuntimeException(RuntimeErrorCode.NotFound, $"sandbox {sandboxId} does not exist on this node");
        return Task.FromResult(ToStatus(record));
    }

    public Task<IReadOnlyList<PodSandboxStatus>> ListPodSandboxesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PodSandboxStatus>>([.. _records.All().Select(ToStatus)]);

    private static PodSandboxStatus ToStatus(SandboxRecord record) => new()
    {
        Id = record.Id,
        Config = record.Config,
        Ready = record.Ready && (record.PinnedNamespaces ? File.Exists($"/run/netns/{record.NetnsName}") : record.HolderPid > 0 && Directory.Exists($"/proc/{record.HolderPid}")),
        CreatedAt = record.CreatedAt,
        Ip = "127.0.0.1",
        NetworkNamespacePath = $"/run/netns/{record.NetnsName}",
    };
}
