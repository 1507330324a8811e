using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Tandem.Runtime.Images;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Containers as runc containers: an OCI bundle per container whose rootfs is an overlay on the
/// image cache, joined to the sandbox's namespaces; started with <c>runc create</c> + <c>runc start</c>,
/// logs copied in-process, exits read through a pidfd.
/// </summary>
public sealed partial class RuncContainerRuntime : IContainerRuntime
{
    private readonly StateLayout _layout;
    private readonly RuncCli _runc;
    private readonly ImageStore _images;
    private readonly SandboxRecords _sandboxes;
    private readonly ContainerRecords _records;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ContainerEventHub _events = new();
    private readonly ConcurrentDictionary<string, LiveContainer> _live = new();
    private readonly CancellationTokenSource _stopping = new();

    internal RuncContainerRuntime(StateLayout layout, RuncCli runc, ImageStore images, SandboxRecords sandboxes, ContainerRecords records, TimeProvider time, ILogger logger)
    {
        _logger = logger;
        _layout = layout;
        _runc = runc;
        _images = images;
        _sandboxes = sandboxes;
        _records = records;
        _time = time;
    }

    public Task<string> CreateContainerAsync(string sandboxId, ContainerConfig config, PodSandboxConfig sandbox, CancellationToken cancellationToken)
    {
        ThrowIfDetached();
        var sandboxRecord = _sandboxes.Get(sandboxId) ?? throw new RuntimeException(RuntimeErrorCode.NotFound, $"sandbox {sandboxId} does not exist");
        if (!sandboxRecord.Ready)
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, $"sandbox {sandboxId} of pod {sandbox.Namespace}/{sandbox.Name} is stopped; create a new sandbox");
        }
        var hostFilesystem = config.UseHostFilesystem || HostImage.Is(config.Image);
        var (image, lower) = hostFilesystem
            ? (ImageStore.HostImageInfo, "/")
            : _images.Resolve(config.Image) ?? throw new RuntimeException(RuntimeErrorCode.NotFound,
                $"image \"{config.Image}\" of container \"{config.Name}\" is not present on this node; pull or import it first");
        var id = Guid.NewGuid().ToString("N");
        var directory = _layout.ContainerDirectory(id);
        var record = new ContainerRecord
        {
            Id = id,
            SandboxId = sandboxId,
            Config = config,
            ImageId = image.Id,
            StopSignal = image.StopSignal,
            State = ContainerState.Created,
            CreatedAt = _time.GetUtcNow(),
            CgroupPath = $"{_layout.CgroupParent(sandboxId)}/{id}",
        };
        // The record goes first: whatever fails below, a later removal finds and undoes it.
        _records.Save(record);
        try
        {
            var rootfs = Path.Combine(directory, "rootfs");
            if (hostFilesystem)
            {
                RootfsMounts.MountHostRootOverlay(rootfs, Path.Combine(directory, "host-scratch"));
            }
            else
            {
                RootfsMounts.MountOverlay(lower, Path.Combine(directory, "upper"), Path.Combine(directory, "work"), rootfs);
            }
            var user = ImageUser.Resolve(config.Security, image.User, lower, config.Name);
            var terminationLog = Path.Combine(directory, "termination-log");
            File.WriteAllText(terminationLog, "");
            // Any uid in the container may write its termination message.
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(terminationLog, (UnixFileMode)0b110_110_110);
            }
            var spec = OciSpecBuilder.Build(new ContainerSpecInput(config, image, user, sandboxRecord, _layout.SandboxDirectory(sandboxId), terminationLog, record.CgroupPath, hostFilesystem));
            ExecutableLookup.Check(config.Name, ContainerProcess.Args(config, image)[0], ContainerProcess.Env(config, image, sandbox.Hostname),
                config.WorkingDir ?? image.WorkingDir ?? "/", rootfs, config.Mounts);
            File.WriteAllText(Path.Combine(directory, "config.json"), spec.ToJsonString());
        }
        catch
        {
            DeleteDirectory(id);
            throw;
        }
        _events.Publish(new ContainerEvent(id, sandboxId, ContainerState.Created, record.CreatedAt));
        return Task.FromResult(id);
    }

    public Task<ContainerStatus> ContainerStatusAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(Refresh(_records.Require(containerId)).ToStatus());

    public Task<IReadOnlyList<ContainerStatus>> ListContainersAsync(string? sandboxId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContainerStatus>>([.. _records.All().Where(r => sandboxId is null || r.SandboxId == sandboxId).Select(r => Refresh(r).ToStatus())]);

    public IAsyncEnumerable<ContainerEvent> WatchAsync(CancellationToken cancellationToken) => _events.Subscribe(cancellationToken);

    public async Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        var record = _records.Get(containerId);
        if (record is null)
        {
            return;
        }
        if (record.State == ContainerState.Running)
        {
            await StopContainerAsync(containerId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        if (_runc.Knows(containerId))
        {
            await _runc.DeleteAsync(containerId, cancellationToken).ConfigureAwait(false);
        }
        _live.TryRemove(containerId, out _);
        DeleteDirectory(containerId);
    }

    /// <summary>SIGKILLs every container of a sandbox and waits for their exits (sandbox stop).</summary>
    internal async Task KillSandboxContainersAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var running = _records.All().Where(r => r.SandboxId == sandboxId && r.State is ContainerState.Running or ContainerState.Created);
        await Task.WhenAll(running.Select(r => StopContainerAsync(r.Id, TimeSpan.Zero, cancellationToken))).ConfigureAwait(false);
    }

    internal async Task RemoveSandboxContainersAsync(string sandboxId, CancellationToken cancellationToken)
    {
        foreach (var record in _records.All().Where(r => r.SandboxId == sandboxId))
        {
            await RemoveContainerAsync(record.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Unmounts the container's rootfs before deleting its directory, so a delete never reaches into the image cache through a mount.</summary>
    private void DeleteDirectory(string id)
    {
        SafeDelete.Directory(_layout.ContainerDirectory(id));
        _records.Forget(id);
    }
}
