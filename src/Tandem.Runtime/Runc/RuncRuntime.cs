using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Runtime.Images;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Runc;

/// <summary>The runc driver, assembled: one state root, one image store, sandboxes and containers that share them.</summary>
public sealed class RuncRuntime
{
    private readonly RuncRuntimeOptions _options;
    private readonly IProcessRunner _runner;

    public RuncRuntime(RuncRuntimeOptions options, IProcessRunner? runner = null, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        _options = options;
        _runner = runner ?? ProcessRunner.Instance;
        time ??= TimeProvider.System;
        Layout = new StateLayout(options);
        Directory.CreateDirectory(Layout.Root);
        // Containers' init processes are re-parented here when runc create exits, so their exit status is ours.
        LinuxNative.BecomeChildSubreaper();
        var runc = new RuncCli(options, Layout, _runner);
        var containerRecords = new ContainerRecords(Layout);
        var sandboxRecords = new SandboxRecords(Layout);
        Images = new ImageStore(options, _runner, containerRecords.UsingImage, loggers.CreateLogger<ImageStore>());
        Containers = new RuncContainerRuntime(Layout, runc, Images, sandboxRecords, containerRecords, time, loggers.CreateLogger<RuncContainerRuntime>());
        Sandboxes = new RuncSandboxRuntime(Layout, runc, new NetworkNamespaces(), sandboxRecords, Containers, time, loggers.CreateLogger<RuncSandboxRuntime>());
    }

    public ImageStore Images { get; }

    public RuncContainerRuntime Containers { get; }

    public RuncSandboxRuntime Sandboxes { get; }

    public StateLayout Layout { get; }

    /// <summary>Exec, attach and port-forward with the caller's streams (the containers' runtime implements them).</summary>
    public IStreamingRuntime Streaming => Containers;

    /// <summary>
    /// Takes over what an earlier process of this state directory left running (it was killed, or detached with
    /// <see cref="DetachAsync"/>): serves the sandboxes' hostPorts again, resumes copying the containers' output into
    /// the same CRI log files from where it stopped, and watches their exits. Call it once, before the node uses the
    /// runtime; afterwards the list and status calls report the adopted sandboxes and containers as they are.
    /// </summary>
    public async Task<RecoveryResult> RecoverAsync(CancellationToken cancellationToken)
    {
        var sandboxes = Sandboxes.Recover();
        var (running, exited) = await Containers.RecoverAsync(cancellationToken).ConfigureAwait(false);
        return new RecoveryResult(sandboxes, running, exited);
    }

    /// <summary>
    /// Lets go of everything without stopping it: closes the log copiers (a line cut short is logged as partial),
    /// the FIFOs' read ends, the exit watchers and the hostPort listeners. Containers, mounts, network namespaces
    /// and cgroups stay; the containers' output waits in their pipes (up to 1 MiB each) for the next process's
    /// <see cref="RecoverAsync"/>. This instance cannot be used afterwards.
    /// </summary>
    public async Task DetachAsync()
    {
        await Sandboxes.DetachAsync().ConfigureAwait(false);
        await Containers.DetachAsync().ConfigureAwait(false);
    }

    /// <summary>Checks the host before the node starts: runc present and patched against CVE-2024-21626.</summary>
    public async Task VerifyHostAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(new ProcessSpec(_options.RuncPath, ["--version"]), cancellationToken).ConfigureAwait(false);
        var problem = result.ExitCode != 0 ? $"runc --version failed: {result.Stderr.Trim()}" : RuncVersion.CheckLeakyVesselsFix(result.Stdout);
        if (problem is not null)
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition, problem);
        }
    }
}
